using TaskChat.Agent;

namespace TaskChat.UnitTests.Chat;

public sealed class TitleMatcherTests
{
    private static readonly TaskSnapshot[] Tasks =
    [
        new(1, "Water the plants tomorrow", false, default),
        new(2, "Go shopping for shoes", false, default),
        new(3, "Called the bank", true, default),
        new(4, "Buy eggs", false, default),
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

    /// <summary>"take the kids pickup off my list" found nothing for "Pick up the kids" (a hand check): two title words written as one match.</summary>
    [Theory]
    [InlineData("kids pickup", "Pick up the kids")]
    [InlineData("hotel checkin", "Check in at the hotel")]
    [InlineData("workout", "Work out")]
    public void TwoWordsOfATitleWrittenAsOneMatchIt(string query, string title) =>
        Assert.Single(TitleMatcher.Match([new(1, title, false, default), new(2, "Pick the kids' presents", false, default)], TaskReference.MeaningfulWords(Phrase.Words(query))));

    [Fact]
    public void AWordNoTitleHasMatchesNothing() =>
        Assert.Empty(TitleMatcher.Match(Tasks, TaskReference.MeaningfulWords(Phrase.Words("dentist"))));

    [Theory]
    [InlineData("by eggs", 4)]
    [InlineData("buy egs", 4)]
    [InlineData("shoping", 2)]
    [InlineData("watr plants", 1)]
    public void ATypoFindsTheOneTitleItIsCloseTo(string query, long expected) =>
        Assert.Equal(expected, Assert.Single(TitleMatcher.Match(Tasks, TaskReference.MeaningfulWords(Phrase.Words(query)))).Id);

    [Fact]
    public void ATypoCloseToSeveralTitlesMatchesThemAllSoTheAgentAsks()
    {
        TaskSnapshot[] tasks = [new(1, "Call Anna", false, default), new(2, "Call Anne", false, default)];

        Assert.Equal([1L, 2L], TitleMatcher.Match(tasks, ["ann"]).Select(t => t.Id));
    }

    [Theory]
    [InlineData("by", "buy", true)]
    [InlineData("mlik", "milk", true)]
    [InlineData("appointment", "appointmnet", true)]
    [InlineData("a", "i", false)]
    [InlineData("cat", "hat", false)]
    [InlineData("rent", "tent", false)]
    public void NearWordsDifferByOneLetterAndShareTheirStart(string word, string other, bool near) =>
        Assert.Equal(near, TitleMatcher.IsNear(word, other));
}
