using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using TaskChat.Contract;

namespace TaskChat.ServiceDefaults.Hosting;

/// <summary>
/// A request whose Content-Type names a charset .NET cannot decode (<c>application/json; charset=nonsense</c>, or
/// <c>utf-7</c>, which .NET refuses) is a 415 problem before any endpoint reads it. ASP.NET Core's JSON reading, and the MCP
/// SDK's, throw an InvalidOperationException for such a charset: every JSON endpoint of the three services answered it
/// with a 500 and an error-level stack in the log, for anyone, with or without a token.
/// </summary>
public static class RequestCharsets
{
    public const string Detail = "The request's Content-Type names a charset this service cannot read: send UTF-8 (e.g. Content-Type: application/json; charset=utf-8).";

    public static IApplicationBuilder UseKnownRequestCharsets(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsUnknown(context.Request.ContentType))
            {
                await ProblemResponses.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, ProblemCodes.UnsupportedMediaType, Detail);
                return;
            }
            await next(context);
        });

    /// <summary>Whether <paramref name="contentType"/> names a charset that <see cref="Encoding.GetEncoding(string)"/> refuses.</summary>
    public static bool IsUnknown(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false; // None, or one the endpoints refuse themselves (415).
        }
        var charset = mediaType.Charset;
        if (charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        try
        {
            Encoding.GetEncoding(charset.ToString());
            return false;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return true;
        }
    }
}
