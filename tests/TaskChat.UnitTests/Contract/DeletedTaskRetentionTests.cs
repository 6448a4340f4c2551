using System.Globalization;
using TaskChat.Contract;
using TaskChat.Data.Tasks;

namespace TaskChat.UnitTests.Contract;

/// <summary>The one period a deleted task is kept: its words (in the tools' descriptions and the chat) and the purge agree.</summary>
public class DeletedTaskRetentionTests
{
    [Fact]
    public void The_words_the_period_and_the_purge_say_the_same_number_of_days()
    {
        Assert.Equal(DeletedTaskRetention.InWords, DeletedTaskRetention.Days.ToString(CultureInfo.InvariantCulture) + " days");
        Assert.Equal(TimeSpan.FromDays(DeletedTaskRetention.Days), DeletedTaskRetention.Period);
        Assert.Equal(DeletedTaskRetention.Period, DeletedTasks.Retention);
    }
}
