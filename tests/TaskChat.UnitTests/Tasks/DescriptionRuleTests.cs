using TaskChat.Data;
using TaskChat.Data.Tasks;

namespace TaskChat.UnitTests.Tasks;

public class DescriptionRuleTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n\t ")]
    public void MissingOrBlankDescriptionMeansNone(string? description)
    {
        var result = TaskRules.Description(description);

        Assert.True(result.IsValid);
        Assert.Null(result.Value);
    }

    [Fact]
    public void DescriptionIsTrimmedButKeepsItsLineBreaksAndTabs() =>
        Assert.Equal("First line\n\tsecond  line", TaskRules.Description("  First line\n\tsecond  line \r\n").Value);

    [Fact]
    public void DescriptionOf1000CharactersIsAccepted()
    {
        var description = new string('d', FieldLimits.TaskDescription);

        Assert.Equal(description, TaskRules.Description(description + "  ").Value);
    }

    [Fact]
    public void DescriptionOf1001CharactersIsInvalidAndSaysSo() =>
        Assert.Equal("description must be at most 1000 characters (it has 1001).",
            TaskRules.Description(new string('d', FieldLimits.TaskDescription + 1)).Error);

    [Fact]
    public void DescriptionLengthCountsCharactersNotUtf16Units()
    {
        var emoji = string.Concat(Enumerable.Repeat("🎉", FieldLimits.TaskDescription));

        Assert.True(TaskRules.Description(emoji).IsValid);
        Assert.False(TaskRules.Description(emoji + "🎉").IsValid);
    }

    // Code units, not strings: xunit would turn a lone surrogate in [InlineData] into U+FFFD.
    [Theory]
    [InlineData(0x0000)]
    [InlineData(0x0008)]
    [InlineData(0xD83D)]
    [InlineData(0xDE00)]
    public void ControlCharactersAndLoneSurrogatesAreInvalid(int codeUnit)
    {
        var result = TaskRules.Description("Call " + (char)codeUnit + " Bob");

        Assert.False(result.IsValid);
        Assert.Equal("description contains characters that are not allowed (control characters or broken Unicode).", result.Error);
    }
}
