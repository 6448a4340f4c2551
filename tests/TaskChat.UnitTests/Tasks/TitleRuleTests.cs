using TaskChat.Data;
using TaskChat.Data.Tasks;

namespace TaskChat.UnitTests.Tasks;

public class TitleRuleTests
{
    [Theory]
    [InlineData("Buy milk", "Buy milk")]
    [InlineData("  Buy milk  ", "Buy milk")]
    [InlineData("Buy    milk", "Buy milk")]
    [InlineData("Buy\tmilk", "Buy milk")]
    [InlineData("\r\nBuy\r\n\r\nmilk\n", "Buy milk")]
    [InlineData("Buy\u00A0milk\u3000today\u2028", "Buy milk today")]
    [InlineData("\uFEFFBuy milk", "Buy milk")]
    public void TitleIsTrimmedAndInnerWhitespaceCollapsed(string title, string expected)
    {
        var result = TaskRules.Title(title);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("\u00A0\uFEFF")]
    public void BlankTitleIsInvalid(string title) =>
        Assert.Equal("title cannot be empty.", TaskRules.Title(title).Error);

    [Fact]
    public void MissingTitleIsInvalid() =>
        Assert.Equal("title is required.", TaskRules.Title(null).Error);

    [Fact]
    public void TitleOf200CharactersIsAccepted()
    {
        var title = new string('a', FieldLimits.TaskTitle);

        Assert.Equal(title, TaskRules.Title(title).Value);
    }

    [Fact]
    public void TitleOf201CharactersIsInvalidAndSaysSo()
    {
        var result = TaskRules.Title(new string('a', FieldLimits.TaskTitle + 1));

        Assert.False(result.IsValid);
        Assert.Equal("title must be at most 200 characters (it has 201).", result.Error);
    }

    [Fact]
    public void SurroundingWhitespaceDoesNotCountTowardsTheLength()
    {
        var title = new string('a', FieldLimits.TaskTitle);

        Assert.Equal(title, TaskRules.Title("   " + title + "\n").Value);
    }

    [Fact]
    public void LengthCountsCharactersNotUtf16Units()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", FieldLimits.TaskTitle));

        Assert.Equal(2 * FieldLimits.TaskTitle, emoji.Length);
        Assert.True(TaskRules.Title(emoji).IsValid);
        Assert.Equal("title must be at most 200 characters (it has 201).", TaskRules.Title(emoji + "😀").Error);
    }

    // Code units, not strings: xunit would turn a lone surrogate in [InlineData] into U+FFFD.
    [Theory]
    [InlineData(0x0000)]
    [InlineData(0x0007)]
    [InlineData(0x001B)]
    [InlineData(0x007F)]
    [InlineData(0x0080)]
    [InlineData(0xD83D)]
    [InlineData(0xDE00)]
    public void ControlCharactersAndLoneSurrogatesAreInvalid(int codeUnit)
    {
        var bad = ((char)codeUnit).ToString();

        Assert.All(new[] { "Buy " + bad + " milk", bad + "Buy milk", "Buy milk" + bad }, title =>
        {
            var result = TaskRules.Title(title);
            Assert.False(result.IsValid);
            Assert.Equal("title contains characters that are not allowed (control characters or broken Unicode).", result.Error);
        });
    }

    [Fact]
    public void SurrogatesInTheWrongOrderAreInvalid() =>
        Assert.False(TaskRules.Title("Buy milk \uDE00\uD83D").IsValid);
}
