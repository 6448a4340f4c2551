using TaskChat.Web.Auth;

namespace TaskChat.UnitTests.Authentication;

/// <summary>The password rules beyond Identity's: the bundled common-password list and the email's name.</summary>
public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("password1")]
    [InlineData("Password1")]
    [InlineData("PASSWORD1")]
    [InlineData("qwerty123")]
    [InlineData("1q2w3e4r5t")]
    [InlineData("iloveyou1")]
    [InlineData("123456")]
    public void The_most_common_passwords_are_refused_whatever_their_case(string password) =>
        Assert.True(PasswordRules.IsCommon(password));

    [Theory]
    [InlineData("correct horse 42")]
    [InlineData("plum-kettle-1907")]
    public void An_uncommon_password_passes(string password) =>
        Assert.False(PasswordRules.IsCommon(password));

    [Fact]
    public void The_bundled_list_is_the_ten_thousand_most_common_with_its_licence_beside_it()
    {
        var directory = Path.Combine(TestSupport.Processes.BuiltService.RepositoryRoot, "src", "TaskChat.Web", "Auth");
        var passwords = File.ReadAllLines(Path.Combine(directory, "common-passwords.txt"));
        var licence = File.ReadAllText(Path.Combine(directory, "common-passwords.LICENSE.txt"));

        Assert.Equal(10_000, passwords.Length);
        Assert.Equal("123456", passwords[0]);
        Assert.All(passwords.Take(200), p => Assert.True(PasswordRules.IsCommon(p)));
        Assert.Contains("Permission is hereby granted, free of charge", licence, StringComparison.Ordinal);
        Assert.Contains("@zxcvbn-ts/language-common", licence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ada.lovelace1", "ada.lovelace@example.com", true)]
    [InlineData("My-ADA.LOVELACE-2024", "ada.lovelace@example.com", true)]
    [InlineData("correct horse 42", "ada.lovelace@example.com", false)]
    [InlineData("al2024ever", "al@example.com", false)]
    [InlineData("anything1", null, false)]
    public void A_password_holding_the_emails_name_is_refused(string password, string? email, bool refused) =>
        Assert.Equal(refused, PasswordRules.ContainsEmailName(password, email));
}
