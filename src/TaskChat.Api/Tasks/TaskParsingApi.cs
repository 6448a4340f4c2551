using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Agent;
using TaskChat.Api.Authorization;
using TaskChat.Api.Chat;
using TaskChat.Contract;
using TaskChat.Data.Tasks;
using TaskChat.ServiceDefaults.Hosting;

namespace TaskChat.Api.Tasks;

/// <summary>
/// POST /api/tasks/parse: a quick-add line read into task fields with the chat agent's own reading (<see cref="TaskLine"/>),
/// in the caller's time zone and on the chat's clock, so the tasks page's box and the chat agree on "friday 9am".
/// Reads only: nothing is stored, and the client adds what it was shown with POST /api/tasks.
/// </summary>
public static class TaskParsingApi
{
    public static RouteGroupBuilder MapTaskParsing(this RouteGroupBuilder tasks)
    {
        tasks.MapPost("/parse", Parse).WithName("ParseTask").ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithDescription("Reads a line typed into a quick-add box (\"pay rent friday 9am #home !high\") into the fields POST /api/tasks takes, " +
                "in the caller's time zone, without creating anything: title, due, priority, tags, recurrence, reminders, and parts " +
                "(which characters of text were read as what). text: 1 to " + TaskLineParts.MaxTextLength + " characters. keep: parts to leave " +
                "in the title as typed (due, repeat, priority, tags, reminders), or one tag (\"#home\": its words kept, the other tags read).");
        return tasks;
    }

    internal static Results<Ok<ParsedTask>, ProblemHttpResult> Parse(ParseTaskRequest request, Caller caller, ChatClock clock)
    {
        if (Check(request) is { } error)
        {
            return ProblemResponses.Invalid(error);
        }
        return TypedResults.Ok(TaskLine.Read(request.Text!, clock.For(caller), [.. request.Keep?.OfType<string>() ?? []]));
    }

    private static string? Check(ParseTaskRequest request)
    {
        if (request.Text is not { } text)
        {
            return "text is required.";
        }
        if (!TaskRules.IsStorable(text))
        {
            return "text contains characters that are not allowed (control characters or broken Unicode).";
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return "text cannot be empty.";
        }
        var length = text.EnumerateRunes().Count();
        if (length > TaskLineParts.MaxTextLength)
        {
            return $"text must be at most {TaskLineParts.MaxTextLength} characters (it has {length}).";
        }
        if (request.Keep?.Any(part => part is null || !(TaskLineParts.All.Contains(part) || TaskLineParts.IsKeptTag(part))) == true)
        {
            return $"keep may only name {string.Join(", ", TaskLineParts.All)}, or a tag (\"#home\").";
        }
        return null;
    }
}
