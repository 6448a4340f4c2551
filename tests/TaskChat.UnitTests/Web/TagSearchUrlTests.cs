using TaskChat.Web.Components.Pages.Tasks;

namespace TaskChat.UnitTests.Web;

/// <summary>A tag on the tasks page links to every task with it: a search the api reads as that tag exactly.</summary>
public sealed class TagSearchUrlTests
{
    [Theory]
    [InlineData("home", "/tasks?view=all&q=%23home")]
    [InlineData("side project", "/tasks?view=all&q=%23%22side%20project%22")] // #"side project": a space would end the tag
    [InlineData("r&d", "/tasks?view=all&q=%23r%26d")]
    [InlineData("café", "/tasks?view=all&q=%23caf%C3%A9")]
    public void ATagLinksToASearchForItself(string tag, string url) => Assert.Equal(url, TaskRow.TagSearchUrl(tag));
}
