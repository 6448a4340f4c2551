namespace TaskChat.ServiceDefaults.Authentication;

/// <summary>
/// A service as an OAuth 2.0 protected resource (RFC 9728): what outside clients need to know to
/// get a token for it, and what its bearer challenges say.
/// </summary>
/// <param name="Resource">Its canonical URL: the RFC 8707 resource indicator, and the `aud` of tokens issued for it.</param>
/// <param name="MetadataUrl">Where its protected-resource metadata is served (the `resource_metadata` of a challenge).</param>
/// <param name="Scopes">The scopes it knows (`scopes_supported`, and the `scope` of a 401).</param>
public sealed record ProtectedResource(string Resource, Uri MetadataUrl, IReadOnlyList<string> Scopes)
{
    /// <summary>
    /// The challenge parameters that lead a client to the metadata and to the scopes to ask for:
    /// <c>resource_metadata="…", scope="…"</c>. Values are URLs and scope tokens (no quotes, no
    /// backslashes by construction), so they need no escaping.
    /// </summary>
    public IEnumerable<string> ChallengeParameters(IEnumerable<string> scopes)
    {
        yield return $"resource_metadata=\"{MetadataUrl}\"";
        yield return $"scope=\"{string.Join(' ', scopes)}\"";
    }
}
