using TaskChat.ServiceDefaults.Logging;

namespace TaskChat.UnitTests.Logging;

public class SecretRedactorTests
{
    [Theory]
    [InlineData("connecting to postgres://app:Hunter2@db.example.com:5432/tasks failed", "connecting to postgres://app:***@db.example.com:5432/tasks failed")]
    [InlineData("postgresql://app:p%40ss%3Aword@db/tasks?sslmode=require", "postgresql://app:***@db/tasks?sslmode=require")]
    [InlineData("DATABASE_URL=postgres://app:p@ss:word@db/tasks", "DATABASE_URL=postgres://app:***@db/tasks")]
    [InlineData("redis://:Hunter2@cache:6379", "redis://:***@cache:6379")]
    public void PasswordInAUrlIsMasked(string text, string expected) =>
        Assert.Equal(expected, SecretRedactor.Redact(text));

    [Theory]
    [InlineData("Host=db;Username=app;Password=Hunter2;Database=tasks", "Host=db;Username=app;Password=***;Database=tasks")]
    [InlineData("Host=db;Password = Hunter2 ;Database=tasks", "Host=db;Password = *** ;Database=tasks")]
    [InlineData("Host=db;Password=\"two words\";Database=tasks", "Host=db;Password=***;Database=tasks")]
    [InlineData("Host=db;Password='semi;colon \"quoted\"';Database=tasks", "Host=db;Password=***;Database=tasks")]
    [InlineData("Server=db;User Id=app;Pwd=Hunter2", "Server=db;User Id=app;Pwd=***")]
    [InlineData("DB_PASSWORD=Hunter2 OPENAI_API_KEY=abc123xyz", "DB_PASSWORD=*** OPENAI_API_KEY=***")]
    [InlineData("client_secret=abc&grant_type=client_credentials", "client_secret=***&grant_type=client_credentials")]
    [InlineData("https://example.com/callback?access_token=abc123&state=x", "https://example.com/callback?access_token=***&state=x")]
    [InlineData("password: \"Hunter2\"", "password: ***")]
    [InlineData("X-Api-Key: abc123", "X-Api-Key: ***")]
    public void SecretInAKeyValuePairIsMasked(string text, string expected) =>
        Assert.Equal(expected, SecretRedactor.Redact(text));

    [Theory]
    [InlineData("{\"password\":\"Hunter2\",\"title\":\"Buy milk\"}", "{\"password\":\"***\",\"title\":\"Buy milk\"}")]
    [InlineData("{\"api_key\": \"abc\\\"def\"}", "{\"api_key\": \"***\"}")]
    [InlineData("{\"refresh_token\":\"r1\",\"db_password\":\"p2\"}", "{\"refresh_token\":\"***\",\"db_password\":\"***\"}")]
    public void SecretInJsonIsMasked(string text, string expected) =>
        Assert.Equal(expected, SecretRedactor.Redact(text));

    [Theory]
    [InlineData("Authorization: Bearer abcdefghijklmnop12345", "Authorization: Bearer ***")]
    [InlineData("Authorization: Basic dXNlcjpwYXNzd29yZA==", "Authorization: Basic ***")]
    [InlineData("rejected eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJl for user-1", "rejected *** for user-1")]
    [InlineData("Authorization: Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJl", "Authorization: Bearer ***")]
    [InlineData("calling OpenAI with sk-proj-abcdefghijklmnopqrstuvwx now", "calling OpenAI with *** now")]
    [InlineData("key sk-ant-api03-ABCDEFGHIJKLMNOPQRST", "key ***")]
    public void TokensAndApiKeysAreMasked(string text, string expected) =>
        Assert.Equal(expected, SecretRedactor.Redact(text));

    [Theory]
    [InlineData("Added task 3: Buy milk (status: pending)")]
    [InlineData("risk-assessment-framework-v2 and task-management-2024-plan")]
    [InlineData("Now listening on: https://example.com:8080/api/tasks")]
    [InlineData("The password is required")]
    [InlineData("Loaded 2 signing key(s) from the JWKS")]
    [InlineData("postgresql db.example.com:5432/tasks ssl=require pool=30")]
    [InlineData("max_tokens: 500")]
    [InlineData("Write to ada@example.com about the invoice")]
    [InlineData("Request finished HTTP/1.1 GET http://localhost:8000/health/ready - 200")]
    public void OrdinaryTextIsLeftAlone(string text) =>
        Assert.Equal(text, SecretRedactor.Redact(text));

    [Theory]
    [InlineData("<key id=\"k1\" version=\"1\"><descriptor><descriptor><masterKey p4:requiresEncryption=\"true\" xmlns:p4=\"http://schemas.asp.net/2015/03/dataProtection\">\n  <!-- Warning: the key below is in an unencrypted form. -->\n  <value>c2VjcmV0S2V5TWF0ZXJpYWwxMjM0NTY3ODkwYWJjZGVm</value>\n</masterKey></descriptor></descriptor></key>")]
    [InlineData("Writing key: <value>c2VjcmV0S2V5TWF0ZXJpYWwxMjM0NTY3ODkwYWJjZGVm</value>")]
    [InlineData("<encryptedSecret><EncryptedData Type=\"http://www.w3.org/2001/04/xmlenc#Element\"><CipherData><CipherValue>c2VjcmV0S2V5TWF0ZXJpYWwxMjM0NTY3ODkwYWJjZGVm</CipherValue></CipherData></EncryptedData></encryptedSecret>")]
    public void DataProtectionKeyXmlIsMasked(string text)
    {
        var redacted = SecretRedactor.Redact(text);

        Assert.DoesNotContain("c2VjcmV0S2V5TWF0ZXJpYWwxMjM0NTY3ODkwYWJjZGVm", redacted, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Mask, redacted, StringComparison.Ordinal);
        Assert.Equal(redacted, SecretRedactor.Redact(redacted));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void NothingRedactsToEmptyText(string? text) =>
        Assert.Equal("", SecretRedactor.Redact(text));

    [Fact]
    public void RedactingTwiceChangesNothingMore()
    {
        var once = SecretRedactor.Redact("postgres://app:Hunter2@db/tasks Password=Hunter2 Bearer abcdefghijklmnop12345 token=abc");

        Assert.Equal(once, SecretRedactor.Redact(once));
        Assert.DoesNotContain("Hunter2", once, StringComparison.Ordinal);
    }
}
