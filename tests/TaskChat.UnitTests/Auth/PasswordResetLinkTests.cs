using System.Buffers.Text;
using System.Text;
using TaskChat.Web.Auth;

namespace TaskChat.UnitTests.Auth;

/// <summary>The reset link's one parameter: the account and Identity's token, and nothing a hostile link can turn into an error.</summary>
public sealed class PasswordResetLinkTests
{
    [Fact]
    public void A_packed_token_unpacks_to_the_account_and_identitys_token_and_needs_no_escaping_in_a_url()
    {
        var token = MailedLinkTokens.Pack("0b7c1d3e-user", "CfDJ8+Abc/def==");

        Assert.Equal(("0b7c1d3e-user", "CfDJ8+Abc/def=="), MailedLinkTokens.Unpack(token));
        Assert.Equal(token, Uri.EscapeDataString(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64url!")]
    [InlineData("%00")]
    [InlineData("////")]
    public void A_token_that_is_not_base64url_is_no_link(string? token) => Assert.Null(MailedLinkTokens.Unpack(token));

    [Theory]
    [InlineData("no newline")]
    [InlineData("\nonly a token")]
    [InlineData("only a user\n")]
    [InlineData("user\u0000\ntoken")]
    [InlineData("user\ntok\u0001en")]
    public void A_token_without_both_parts_or_with_control_characters_is_no_link(string text) =>
        Assert.Null(MailedLinkTokens.Unpack(Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text))));

    [Fact]
    public void A_token_that_is_not_utf8_is_no_link() =>
        Assert.Null(MailedLinkTokens.Unpack(Base64Url.EncodeToString([0x75, 0x0A, 0xFF, 0xFE])));

    [Fact]
    public void An_oversized_token_is_refused_before_it_is_decoded() =>
        Assert.Null(MailedLinkTokens.Unpack(Base64Url.EncodeToString(Encoding.UTF8.GetBytes("user\n" + new string('a', 4000)))));
}
