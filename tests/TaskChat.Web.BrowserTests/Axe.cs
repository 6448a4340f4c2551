using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>axe-core run in the page: the violations of serious or critical impact, which fail a test.</summary>
public static class Axe
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>One line per serious or critical violation: rule, impact, how many elements, and the first few.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        AxeResult result = await page.RunAxe();
        return [.. result.Violations
            .Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{v.Id} ({v.Impact}, {v.Nodes.Length} element(s)): {v.Help} — "
                + string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target.ToString())))];
    }

    /// <summary>Fails with every serious or critical violation on the page as it is now.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core on {what} ({page.Url}):\n" + string.Join("\n", violations));
    }
}
