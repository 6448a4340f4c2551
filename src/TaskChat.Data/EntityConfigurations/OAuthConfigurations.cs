using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenIddict.EntityFrameworkCore.Models;

namespace TaskChat.Data.EntityConfigurations;

// The web's OAuth 2.1 authorization server (OpenIddict; docs/architecture.md, "Outside MCP clients"):
// its entities come from OpenIddict (TaskChatDbContext calls UseOpenIddict), which names the tables
// OpenIddictApplications...; these give them the names of the rest of the schema. Columns follow the
// snake_case convention.

internal sealed class OAuthApplicationConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreApplication>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreApplication> application) =>
        application.ToTable("oauth_applications");
}

internal sealed class OAuthAuthorizationConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreAuthorization>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreAuthorization> authorization) =>
        authorization.ToTable("oauth_authorizations");
}

internal sealed class OAuthScopeConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreScope>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreScope> scope) =>
        scope.ToTable("oauth_scopes");
}

internal sealed class OAuthTokenConfiguration : IEntityTypeConfiguration<OpenIddictEntityFrameworkCoreToken>
{
    public void Configure(EntityTypeBuilder<OpenIddictEntityFrameworkCoreToken> token) =>
        token.ToTable("oauth_tokens");
}
