using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// axe-core run in the page: the violations of serious or critical impact, which fail a test.
/// </summary>
/// <remarks>
/// axe-core is Deque's bundled build (Deque.AxeCore.Commons), run with <c>axe.run</c> in the page itself. Deque's
/// Playwright wrapper (<c>page.RunAxe()</c>) was used before: it injects the 0.5 MB script again on every call and
/// merges its results in a second page it opens and closes each time, which took 1.4–2.5 s a call on a quiet machine
/// while axe's rules on our pages took 30–140 ms (session 37: 16 calls of the screenshot tests, both ways). Our pages
/// have no iframes, the one case that merge is for. The script is injected once per document: an enhanced navigation
/// keeps the document, a full load starts a new one.
/// </remarks>
public static class Axe
{
    private static readonly string Script = new BundledAxeScriptProvider().GetScript();

    /// <summary>One line per serious or critical violation: rule, impact, how many elements, and the first few.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // Evaluated over the DevTools protocol, so the page's Content-Security-Policy does not apply to it.
            await page.EvaluateAsync($"() => {{ {Script}\n}}");
            await page.EvaluateAsync("() => { if (typeof window.axe !== 'object') throw new Error('axe-core did not load'); }");
        }
        return await page.EvaluateAsync<string[]>("""
            async () => {
                const result = await window.axe.run(document, { resultTypes: ['violations'] });
                return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.id} (${v.impact}, ${v.nodes.length} element(s)): ${v.help} — `
                        + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
            }
            """);
    }

    /// <summary>Fails with every serious or critical violation on the page as it is now.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core on {what} ({page.Url}):\n" + string.Join("\n", violations));
    }
}
