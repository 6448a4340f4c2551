using TaskChat.Contract;

namespace TaskChat.UnitTests.Contract;

/// <summary>A reminder before the due time in words: the chat and the tasks page both say it this way.</summary>
public sealed class TaskReminderWordsTests
{
    [Theory]
    [InlineData("PT0S", "at the due time")]
    [InlineData("PT0M", "at the due time")]
    [InlineData("PT1M", "1 minute before")]
    [InlineData("PT30M", "30 minutes before")]
    [InlineData("PT1H", "1 hour before")]
    [InlineData("PT90M", "90 minutes before")] // not a whole number of hours: said in minutes
    [InlineData("PT2H", "2 hours before")]
    [InlineData("P1D", "1 day before")]
    [InlineData("PT24H", "1 day before")]
    [InlineData("P1DT2H", "26 hours before")]
    [InlineData("P7D", "7 days before")]
    [InlineData("pt15m", "15 minutes before")]
    [InlineData("-P1D", "1 day before")] // a minus reads as before, as the task service reads it
    public void ADurationIsSaidInItsLargestWholeUnit(string reminder, string words) => Assert.Equal(words, TaskReminders.DescribeBefore(reminder));

    [Theory]
    [InlineData("2026-12-05T09:00:00+01:00")] // a set moment: each client writes it its own way
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1X")]
    [InlineData("Pizza")]
    public void AMomentOrANonDurationHasNoWords(string reminder) => Assert.Null(TaskReminders.DescribeBefore(reminder));
}
