using System.Text.Json.Serialization;

namespace TaskChat.Contract;

/// <summary>
/// Every tool answers {"status":"success","data":{...}} or
/// {"status":"error","error":"&lt;message a user can read&gt;","code":"..."} (see <see cref="ToolErrorCodes"/>),
/// as JSON text and as structured content, with isError set on failure. Tools return these instead
/// of throwing, so an agent always gets something it can relay.
/// </summary>
public sealed record ToolEnvelope<TData>(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("data"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TData? Data = default,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error = null,
    [property: JsonPropertyName("code"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null);

/// <summary>The envelope's two forms, and the values of its <c>status</c>.</summary>
public static class ToolEnvelope
{
    public const string SuccessStatus = "success";
    public const string ErrorStatus = "error";

    public static ToolEnvelope<TData> Success<TData>(TData data) => new(SuccessStatus, data);

    public static ToolEnvelope<object> Failure(string code, string error) => new(ErrorStatus, Error: error, Code: code);
}
