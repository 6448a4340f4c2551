using System.Linq.Expressions;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using TaskChat.Contract;
using TaskChat.Data;
using TaskChat.Data.Accounts;
using TaskChat.Data.Connection;
using TaskChat.Data.Model;
using TaskChat.TestSupport;

namespace TaskChat.Web.FunctionalTests;

/// <summary>
/// Deleting an account (POST /api/auth/delete-account) on the whole system, the web issuing the tokens that the api and
/// the mcp accept: every row that names the user goes in one transaction, another user's stay, every session ends, a
/// wrong password deletes nothing and counts towards the lockout, hostile input is never a 500, and a token minted
/// before the deletion creates nothing afterwards through REST, the chat or the mcp.
/// </summary>
public abstract class AccountDeletionTests(AccountDeletionSystem system)
{
    private RunningSystem Running => system.Running;

    [SkippableFact]
    public async Task DeletingTheAccountLeavesNoRowNamingTheUserAndAnotherUsersRowsUntouched()
    {
        using var doomed = WebServers.Browser(Running.Web);
        var (doomedEmail, doomedId) = await WebServers.SignUpAsync(doomed);
        using var doomedElsewhere = await SignInAsync(doomedEmail);
        var elsewhereCookie = WebServers.SessionCookie(doomedElsewhere, Running.Web);
        using var other = WebServers.Browser(Running.Web);
        var (otherEmail, otherId) = await WebServers.SignUpAsync(other);
        await FillAsync(doomed, doomedId);
        await FillAsync(other, otherId);
        var othersBefore = await RowsNamingAsync(otherId);
        var doomedBefore = await RowsNamingAsync(doomedId);
        // Every kind of row this test means to see deleted is there before: the walk below proves their absence.
        foreach (var table in new[] { "TaskChatUser", "UserSession", "TaskItem", "TaskReminder", "UserTaskCounter", "Notification", "Conversation",
            "Message", "ChatTurnWindow", "IdempotentChatTurn", "IdempotentToolCall", "OpenIddictEntityFrameworkCoreAuthorization",
            "OpenIddictEntityFrameworkCoreToken", "IdentityUserClaim<string>" })
        {
            Assert.True(doomedBefore.GetValueOrDefault(table) > 0, $"The test made no {table} row for the user.");
        }

        using var deleted = await doomed.PostAsJsonAsync("api/auth/delete-account", new { password = WebServers.Password });

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.True((await Json.ReadAsync(deleted)).GetProperty("success").GetBoolean());
        Assert.Contains(deleted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("taskchat.session=;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await doomed.GetAsync("api/auth/token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WebServers.ReplayAsync(Running.Web, elsewhereCookie, "api/auth/token")).StatusCode);
        using (var signIn = await SignInResponseAsync(doomedEmail))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        }

        var left = (await RowsNamingAsync(doomedId)).Where(r => r.Value > 0).ToDictionary();
        Assert.Equal(new Dictionary<string, int> { [nameof(DeletedAccount)] = 1 }, left);
        Assert.Equal(othersBefore, await RowsNamingAsync(otherId));
        await using (var db = system.Database.CreateDbContext())
        {
            // Tags name no user: none may be left without its task.
            Assert.Equal(0, await db.TaskTags.CountAsync(t => !db.Tasks.Any(task => task.Id == t.TaskId)));
            Assert.True(await db.TaskTags.AnyAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("api/auth/token")).StatusCode);
        using (var otherSignIn = await SignInResponseAsync(otherEmail))
        {
            Assert.Equal(HttpStatusCode.OK, otherSignIn.StatusCode);
        }
    }

    [SkippableFact]
    public async Task AWrongPasswordIs403DeletesNothingAndCountsTowardsTheLockout()
    {
        using var browser = WebServers.Browser(Running.Web);
        var (_, userId) = await WebServers.SignUpAsync(browser);

        using var wrong = await browser.PostAsJsonAsync("api/auth/delete-account", new { password = "not my password 1" });

        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        var problem = await Json.ReadAsync(wrong);
        Assert.Equal(ProblemCodes.WrongPassword, problem.GetProperty("code").GetString());
        Assert.Equal("That is not your current password.", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/auth/token")).StatusCode);
        // Four more make five within the period: this address is locked out of the account, the right password included.
        for (var i = 0; i < 4; i++)
        {
            using var again = await browser.PostAsJsonAsync("api/auth/delete-account", new { password = "not my password 1" });
        }
        using var locked = await browser.PostAsJsonAsync("api/auth/delete-account", new { password = WebServers.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal(ProblemCodes.LockedOut, (await Json.ReadAsync(locked)).GetProperty("code").GetString());
        Assert.True(locked.Headers.RetryAfter is not null);
        await using var db = system.Database.CreateDbContext();
        Assert.True(await db.Users.AnyAsync(u => u.Id == userId));
        Assert.False(await db.DeletedAccounts.AnyAsync(d => d.UserId == userId));
    }

    [SkippableFact]
    public async Task HostileInputIsRefusedWithoutA500AndDeletesNothing()
    {
        using var browser = WebServers.Browser(Running.Web);
        var (_, userId) = await WebServers.SignUpAsync(browser);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, await StatusAsync(browser, "{}"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await StatusAsync(browser, "null"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, await StatusAsync(browser, """{"password":""}"""));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(browser, """{"password":42}"""));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(browser, """{"password":"""));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(browser, "[1,2,3]"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await StatusAsync(browser, "password=" + WebServers.Password, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, await StatusAsync(browser, $$"""{"password":"{{WebServers.Password}}"}""", "text/plain"));
        // Past the rules' 128 characters no password is right: a wrong one, refused without hashing it. A megabyte is past the body limit.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(browser, JsonSerializer.Serialize(new { password = new string('a', 20_000) })));
        // Expect: 100-continue, as a client sending that much would: the 413 comes before the body (without it, the server's
        // answer and closed connection raced the client's writing, which saw a broken pipe on a busy machine).
        using (var huge = OversizedRequests.Json(HttpMethod.Post, "api/auth/delete-account", JsonSerializer.Serialize(new { password = new string('a', 1_000_000) })))
        using (var tooLarge = await browser.SendAsync(huge))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        }
        using (var crossSite = new HttpRequestMessage(HttpMethod.Post, "api/auth/delete-account"))
        {
            crossSite.Content = JsonContent.Create(new { password = WebServers.Password });
            crossSite.Headers.Add("Origin", "https://evil.example");
            using var response = await browser.SendAsync(crossSite);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(ProblemCodes.CrossOrigin, (await Json.ReadAsync(response)).GetProperty("code").GetString());
        }
        using (var signedOut = Running.Web.CreateHttpClient())
        {
            using var response = await signedOut.PostAsJsonAsync("api/auth/delete-account", new { password = WebServers.Password });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        using (var missing = await browser.PostAsJsonAsync("api/auth/delete-account", new { }))
        {
            Assert.Equal(["Enter your password to delete your account."],
                (await Json.ReadAsync(missing)).GetProperty("errors").GetProperty("password").EnumerateArray().Select(e => e.GetString()));
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("api/auth/token")).StatusCode);
        await using var db = system.Database.CreateDbContext();
        Assert.True(await db.Users.AnyAsync(u => u.Id == userId));
    }

    [SkippableFact]
    public async Task ATokenMintedBeforeTheDeletionCreatesNothingThroughRestTheChatOrTheMcp()
    {
        using var browser = WebServers.Browser(Running.Web);
        var (_, userId) = await WebServers.SignUpAsync(browser);
        var token = await WebServers.TokenAsync(browser);
        using var api = ApiClient(token);
        using (var before = await api.PostAsJsonAsync("api/tasks", new { title = "Before the deletion" }))
        {
            Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        }
        await using var mcp = await TestMcpClients.ConnectAsync(Running.Mcp.BaseAddress, token);

        using (var deleted = await browser.PostAsJsonAsync("api/auth/delete-account", new { password = WebServers.Password }))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        using (var add = await api.PostAsJsonAsync("api/tasks", new { title = "After the deletion" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, add.StatusCode);
            Assert.Equal(ProblemCodes.AccountDeleted, (await Json.ReadAsync(add)).GetProperty("code").GetString());
        }
        using (var chat = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = JsonContent.Create(new { message = "add buy milk" }) })
        {
            chat.Headers.Add(IdempotencyKeys.Header, "after-the-deletion");
            using var turn = await api.SendAsync(chat);
            Assert.Equal(HttpStatusCode.Unauthorized, turn.StatusCode);
            Assert.Equal(ProblemCodes.AccountDeleted, (await Json.ReadAsync(turn)).GetProperty("code").GetString());
        }
        using (var stream = await api.PostAsJsonAsync("api/chat/stream", new { message = "add buy eggs" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, stream.StatusCode);
        }
        var tool = await mcp.CallToolAsync("add_task", new Dictionary<string, object?> { ["title"] = "After the deletion" });
        Assert.True(tool.IsError);
        Assert.Equal(ToolErrorCodes.AccountDeleted, tool.StructuredContent!.Value.GetProperty("code").GetString());
        // Reading is not checked (no round trip on the hot path): it finds nothing.
        using (var list = await api.GetAsync("api/tasks"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.DoesNotContain("deletion", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var left = (await RowsNamingAsync(userId)).Where(r => r.Value > 0).ToDictionary();
        Assert.Equal(new Dictionary<string, int> { [nameof(DeletedAccount)] = 1 }, left);
    }

    /// <summary>
    /// A write already running when the deletion commits may still land (its statement began before the deletion, so the
    /// deleted_accounts probe did not see it): what it left is erased by the hourly pruning before the id is forgotten,
    /// when no token minted before the deletion is accepted any more. Before, such rows stayed for good.
    /// </summary>
    [SkippableFact]
    public async Task RowsAWriteInFlightLeftAfterTheDeletionAreErasedBeforeTheIdIsForgotten()
    {
        using var doomed = WebServers.Browser(Running.Web);
        var (_, doomedId) = await WebServers.SignUpAsync(doomed);
        using var other = WebServers.Browser(Running.Web);
        var (_, otherId) = await WebServers.SignUpAsync(other);
        await FillAsync(other, otherId);
        var othersBefore = await RowsNamingAsync(otherId);
        using (var deleted = await doomed.PostAsJsonAsync("api/auth/delete-account", new { password = WebServers.Password }))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }
        // What an add and a chat turn that were mid-way leave: a task with a tag and its counter, a conversation and a message.
        await using (var db = system.Database.CreateDbContext())
        {
            var now = DateTime.UtcNow;
            var task = new TaskItem { UserId = doomedId, Number = 1, Title = "Landed after the deletion", CreatedAt = now, UpdatedAt = now };
            db.Tasks.Add(task);
            db.UserTaskCounters.Add(new UserTaskCounter { UserId = doomedId, LastNumber = 1, ChangedAt = now });
            var conversation = new Conversation { UserId = doomedId, Title = "add buy milk", CreatedAt = now, UpdatedAt = now };
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
            db.TaskTags.Add(new TaskTag { TaskId = task.Id, Name = "late" });
            db.Messages.Add(new Message { ConversationId = conversation.Id, UserId = doomedId, Role = "user", Content = "add buy milk", CreatedAt = now });
            await db.SaveChangesAsync();
        }

        await using (var db = system.Database.CreateDbContext())
        {
            // Before its time the id stays, and so do the rows (a token minted before the deletion may still be in use).
            Assert.Equal(new DeletedAccountsPruned(0, 0), await DeletedAccounts.PruneAsync(db, DateTime.UtcNow));
            var pruned = await DeletedAccounts.PruneAsync(db, DateTime.UtcNow + DeletedAccounts.Kept + TimeSpan.FromMinutes(1));
            Assert.True(pruned.Forgotten >= 1, "The id was not forgotten."); // This class's other deletions too, if any.
            Assert.Equal(5, pruned.RowsErased);
        }

        Assert.DoesNotContain(await RowsNamingAsync(doomedId), r => r.Value > 0);
        Assert.Equal(othersBefore, await RowsNamingAsync(otherId));
        await using (var db = system.Database.CreateDbContext())
        {
            Assert.Equal(0, await db.TaskTags.CountAsync(t => !db.Tasks.Any(task => task.Id == t.TaskId)));
        }
    }

    /// <summary>
    /// A row of every kind the user can have: tasks (tagged, with a reminder, one deleted and waiting for undo) through
    /// REST, a chat turn under a key (its conversation, messages, window, turn key and the mcp's tool key), and what
    /// only other parts of the product write, inserted: a notification, an Identity claim, an OAuth grant and token.
    /// </summary>
    private async Task FillAsync(HttpClient browser, string userId)
    {
        using var api = ApiClient(await WebServers.TokenAsync(browser));
        using (var added = await api.PostAsJsonAsync("api/tasks",
            new { title = "Pay rent", due = "2030-01-07T09:00:00Z", tags = new List<string> { "home" }, reminders = new List<string> { "PT10M" } }))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }
        using (var gone = await api.PostAsJsonAsync("api/tasks", new { title = "Waiting for undo", tags = new List<string> { "old" } }))
        {
            var number = (await Json.ReadAsync(gone)).GetProperty("id").GetInt64();
            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"api/tasks/{number}")).StatusCode);
        }
        using (var chat = new HttpRequestMessage(HttpMethod.Post, "api/chat") { Content = JsonContent.Create(new { message = "add buy milk" }) })
        {
            chat.Headers.Add(IdempotencyKeys.Header, "turn-" + Guid.NewGuid().ToString("N"));
            using var turn = await api.SendAsync(chat);
            Assert.Equal(HttpStatusCode.OK, turn.StatusCode);
        }
        await using var db = system.Database.CreateDbContext();
        var now = DateTime.UtcNow;
        db.Notifications.Add(new Notification { UserId = userId, TaskNumber = 1, Title = "Pay rent", FireAt = now, CreatedAt = now });
        db.UserClaims.Add(new IdentityUserClaim<string> { UserId = userId, ClaimType = "test", ClaimValue = "claim" });
        var grant = new OpenIddictEntityFrameworkCoreAuthorization { Subject = userId, Status = "valid", Type = "permanent", CreationDate = now, Scopes = "[\"tasks\"]" };
        db.Add(grant);
        db.Add(new OpenIddictEntityFrameworkCoreToken { Subject = userId, Authorization = grant, Status = "valid", Type = "refresh_token", CreationDate = now, ExpirationDate = now.AddDays(1) });
        await db.SaveChangesAsync();
    }

    private static readonly MethodInfo CountNamingMethod = typeof(AccountDeletionTests).GetMethod(nameof(CountNamingAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// Every entity set of the model, walked: how many of its rows have a text column equal to <paramref name="userId"/>,
    /// by entity name. A table added later that keys rows by user is counted without a change here.
    /// </summary>
    private async Task<Dictionary<string, int>> RowsNamingAsync(string userId)
    {
        await using var db = system.Database.CreateDbContext();
        var rows = new Dictionary<string, int>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            // JSON columns (jsonb on PostgreSQL) cannot be compared with a text, and hold no user id of their own.
            var columns = entity.GetProperties()
                .Where(p => p.ClrType == typeof(string) && p.GetColumnType()?.Contains("json", StringComparison.OrdinalIgnoreCase) != true)
                .Select(p => p.Name).ToArray();
            if (columns.Length > 0)
            {
                rows[entity.DisplayName()] = await (Task<int>)CountNamingMethod.MakeGenericMethod(entity.ClrType).Invoke(null, [db, columns, userId])!;
            }
        }
        return rows;
    }

    private static Task<int> CountNamingAsync<TEntity>(TaskChatDbContext db, string[] columns, string userId) where TEntity : class
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        var names = columns
            .Select(column => (Expression)Expression.Equal(
                Expression.Call(typeof(EF), nameof(EF.Property), [typeof(string)], row, Expression.Constant(column)), Expression.Constant(userId)))
            .Aggregate(Expression.OrElse);
        return db.Set<TEntity>().CountAsync(Expression.Lambda<Func<TEntity, bool>>(names, row));
    }

    private HttpClient ApiClient(string token)
    {
        var http = Running.Api.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var browser = WebServers.Browser(Running.Web);
        using var response = await browser.PostAsJsonAsync("api/auth/sign-in/email", new { email, password = WebServers.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return browser;
    }

    private async Task<HttpResponseMessage> SignInResponseAsync(string email)
    {
        using var browser = WebServers.Browser(Running.Web);
        return await browser.PostAsJsonAsync("api/auth/sign-in/email", new { email, password = WebServers.Password });
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient browser, string body, string contentType = "application/json")
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await browser.PostAsync("api/auth/delete-account", content);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        return response.StatusCode;
    }
}

/// <summary>The mcp, the api (offline agent) and the web, which issues the tokens the others accept.</summary>
public abstract class AccountDeletionSystem(DatabaseProvider provider) : SystemFixture(provider)
{
    protected override bool UsesStandInIssuer => false;

    protected override SystemBuilder Describe(SystemBuilder system) =>
        system.WithMcp().WithApi(new Dictionary<string, string> { ["LLM_PROVIDER"] = "offline" }).WithWeb();
}

public sealed class SqliteAccountDeletionSystem() : AccountDeletionSystem(DatabaseProvider.Sqlite);

public sealed class PostgresAccountDeletionSystem() : AccountDeletionSystem(DatabaseProvider.Postgres);

public sealed class SqliteAccountDeletionTests(SqliteAccountDeletionSystem system) : AccountDeletionTests(system), IClassFixture<SqliteAccountDeletionSystem>;

public sealed class PostgresAccountDeletionTests(PostgresAccountDeletionSystem system) : AccountDeletionTests(system), IClassFixture<PostgresAccountDeletionSystem>;
