using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TaskChat.Web.BrowserTests;

/// <summary>
/// Issue 8 §4 in Chromium: every page (sign-up, sign-in, chat with a turn, tasks) runs under the
/// web's Content-Security-Policy without a single violation, and a violation, when there is one, is
/// caught (so "none" means none, not a deaf listener).
/// </summary>
[Collection(SecondSharedProduct.Name)]
public sealed class ContentSecurityPolicyInTheBrowser(RunningTaskChat stack) : BrowserTest(stack)
{
    /// <summary>
    /// Records what the browser refused: the securitypolicyviolation event (page scripts see it) and the
    /// console's "Refused to ..." errors. Installed before any page script runs; CSP does not apply to it.
    /// </summary>
    private const string ViolationRecorder = """
        document.addEventListener('securitypolicyviolation', e => {
            // In the tab's session storage: kept across the navigations that leave a page.
            const seen = JSON.parse(sessionStorage.getItem('csp-violations') || '[]');
            seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} in ${e.documentURI}`);
            sessionStorage.setItem('csp-violations', JSON.stringify(seen));
        });
        """;

    private static readonly string[] FullPageLoads = ["/tasks", "/chat"];

    [Fact]
    public Task Every_page_runs_under_the_CSP_without_a_violation() => RunAsync(nameof(Every_page_runs_under_the_CSP_without_a_violation), async () =>
    {
        var page = await NewPageAsync();
        var violations = await RecordViolationsAsync(page);
        var policies = new List<string?>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document")
            {
                policies.Add(response.Headers.GetValueOrDefault("content-security-policy"));
            }
        };

        await SignUpAsync(page, "Csp");
        await violations.CollectAsync(page);
        await ChatAsync(page, "add buy milk");
        await Assertions.Expect(page.GetByTestId("side-task-item")).ToContainTextAsync("Buy milk");
        await violations.CollectAsync(page);

        await OpenTasksAsync(page);
        await AddTaskAsync(page, "Check the headers");
        await violations.CollectAsync(page);

        // A full page load of each page as well (server-rendered, then the circuit), not only the nav links.
        foreach (var path in FullPageLoads)
        {
            var interactive = CircuitReadyAsync(page);
            await page.GotoAsync(path);
            await interactive;
            await violations.CollectAsync(page);
        }

        await page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        await Assertions.Expect(page.GetByTestId("sign-in-submit")).ToBeVisibleAsync();
        await violations.CollectAsync(page);
        await page.GotoAsync("/sign-up");
        await Assertions.Expect(page.GetByTestId("sign-up-submit")).ToBeVisibleAsync();
        await violations.CollectAsync(page);

        Assert.NotEmpty(policies);
        Assert.All(policies, policy => Assert.Contains("script-src 'self'", policy ?? "(no Content-Security-Policy header)", StringComparison.Ordinal));
        Assert.Empty(violations.All);
    });

    [Fact]
    public Task A_page_with_a_CSP_violation_is_caught() => RunAsync(nameof(A_page_with_a_CSP_violation_is_caught), async () =>
    {
        var page = await NewPageAsync();
        var violations = await RecordViolationsAsync(page);
        await page.GotoAsync("/sign-in");
        await Assertions.Expect(page.GetByTestId("sign-in-submit")).ToBeVisibleAsync();

        // What an injection would do: an inline script, and a script from another site.
        var ran = await page.EvaluateAsync<bool>("""
            () => {
                const inline = document.createElement('script');
                inline.textContent = 'window.__injected = true;';
                document.body.appendChild(inline);
                const remote = document.createElement('script');
                remote.src = 'https://evil.example/x.js';
                document.body.appendChild(remote);
                return window.__injected === true;
            }
            """);
        await Assertions.Expect(page.Locator("body")).ToBeVisibleAsync();
        await WaitForAsync(() => violations.CollectAsync(page), _ => violations.FromPages.Count >= 2 && violations.Console.Count >= 2);

        Assert.False(ran);
        Assert.True(violations.Console.Count == 2, string.Join("\n", violations.Console));
        Assert.Contains(violations.All, v => v.StartsWith("script-src-elem blocked inline", StringComparison.Ordinal));
        Assert.Contains(violations.All, v => v.StartsWith("script-src-elem blocked https://evil.example/x.js", StringComparison.Ordinal));
    });

    private static async Task<Violations> RecordViolationsAsync(IPage page)
    {
        var violations = new Violations();
        await page.AddInitScriptAsync(ViolationRecorder);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Console.Add(message.Text);
            }
        };
        return violations;
    }

    private static async Task WaitForAsync(Func<Task<IReadOnlyList<string>>> read, Func<IReadOnlyList<string>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!done(await read()) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>Every violation seen, from each document before it is left, and from the console.</summary>
    private sealed class Violations
    {
        public List<string> FromPages { get; } = [];

        public List<string> Console { get; } = [];

        public IReadOnlyList<string> All => [.. FromPages, .. Console];

        /// <summary>Takes what the tab recorded since the last time.</summary>
        public async Task<IReadOnlyList<string>> CollectAsync(IPage page)
        {
            var recorded = await page.EvaluateAsync<string[]>("() => { const v = JSON.parse(sessionStorage.getItem('csp-violations') || '[]'); sessionStorage.removeItem('csp-violations'); return v; }");
            FromPages.AddRange(recorded);
            return All;
        }
    }
}
