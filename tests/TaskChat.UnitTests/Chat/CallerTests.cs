using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol.Protocol;
using TaskChat.Api.Authorization;
using TaskChat.Api.Chat;

namespace TaskChat.UnitTests.Chat;

/// <summary>The caller bound from a request, and what the api may safely repeat on its behalf.</summary>
public class CallerTests
{
    [Fact]
    public void TheCallerIsTheTokensSubjectAndTheBearerTokenItCameWith()
    {
        var context = Request("user-1", "Bearer header.payload.signature");

        var caller = Caller.From(context);

        Assert.Equal(new Caller("user-1", "header.payload.signature"), caller);
    }

    [Theory]
    [InlineData(null, "Bearer abc")]
    [InlineData("user-1", null)]
    [InlineData("user-1", "Basic dXNlcjpwYXNz")]
    [InlineData("user-1", "Bearer ")]
    public void WithoutASubjectOrABearerTokenThereIsNoCaller(string? subject, string? authorization) =>
        Assert.Null(Caller.From(Request(subject, authorization)));

    [Fact]
    public void TheTokensZoneinfoAndLocaleClaimsAreTheCallersTimeZoneAndLocale()
    {
        var context = Request("user-1", "Bearer a.b.c");
        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "user-1"), new Claim("zoneinfo", "Europe/Paris"), new Claim("locale", "en-GB")], "Bearer"));

        Assert.Equal(new Caller("user-1", "a.b.c", "Europe/Paris", "en-GB"), Caller.From(context));
    }

    [Fact]
    public void ACallerNeverPrintsItsToken() =>
        Assert.DoesNotContain("secret", new Caller("user-1", "secret.token.value").ToString(), StringComparison.Ordinal);

    [Fact]
    public void OnlyAToolThatSaysItIsReadOnlyGoesWithoutAnIdempotencyKey()
    {
        Assert.True(McpToolGateway.IsReadOnly(new Tool { Name = "look", Annotations = new ToolAnnotations { ReadOnlyHint = true } }));
        Assert.False(McpToolGateway.IsReadOnly(new Tool { Name = "write", Annotations = new ToolAnnotations { ReadOnlyHint = false } }));
        Assert.False(McpToolGateway.IsReadOnly(new Tool { Name = "unknown" }));
    }

    private static DefaultHttpContext Request(string? subject, string? authorization)
    {
        var context = new DefaultHttpContext();
        if (subject is not null)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", subject)], "Bearer"));
        }
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }
        return context;
    }
}
