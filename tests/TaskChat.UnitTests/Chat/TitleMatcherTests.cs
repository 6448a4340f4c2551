using TaskChat.Api.Chat.Offline;

namespace TaskChat.UnitTests.Chat;

public sealed class TitleMatcherTests
{
    private static readonly TaskSummary[] Tasks =
    [
        new(1, "Water the plants tomorrow", false),
        new(2, "Go shopping for shoes", false),
        new(3, "Called the bank", true),
        new(4, "Buy eggs", false),
    ];

    [Theory]
    [InlineData("watering plants", 1)]
    [InlineData("the plant", 1)]
    [InlineData("shop", 2)]
    [InlineData("shopping", 2)]
    [InlineData("call bank", 3)]
    [InlineData("egg", 4)]
    public void WordsMatchTitlesWhateverTheirEnding(string query, long expected)
    {
        var matches = TitleMatcher.Match(Tasks, TaskReference.MeaningfulWords(Phrase.Words(query)));

        Assert.Equal(expected, Assert.Single(matches).Id);
    }

    [Theory]
    [InlineData("bed", "bed")]
    [InlineData("sing", "sing")]
    [InlineData("glass", "glass")]
    [InlineData("running", "run")]
    [InlineData("filled", "fill")]
    [InlineData("bills", "bill")]
    public void StemsAreRoughButNeverEatShortWords(string word, string stem) => Assert.Equal(stem, TitleMatcher.Stem(word));

    [Fact]
    public void AWordNoTitleHasMatchesNothing() =>
        Assert.Empty(TitleMatcher.Match(Tasks, TaskReference.MeaningfulWords(Phrase.Words("dentist"))));
}
