using System.Text.RegularExpressions;

namespace TaskChat.Agent;

/// <summary>
/// The answers to a list just shown: "show more" continues a plain list that had more; "how about next week?", "and
/// tomorrow?" after a question about a span of days ask the same of another span.
/// </summary>
internal sealed partial class ListSkill
{
    // After a list that said there are more.
    private static readonly HashSet<string> MoreWords =
    [
        "more", "show more", "show me more", "more please", "next", "next page", "next ones", "show the next ones", "the rest",
        "show the rest", "show me the rest", "and the rest", "continue", "keep going", "go on", "what else", "what else is there", "others",
        "the others", "show the others",
    ];

    /// <summary>
    /// "show more" continues the plain list the previous turn showed, when it had more. "how about next week?", "and
    /// tomorrow?", "what about saturday?" after a question about a span of days asks the same of another span.
    /// </summary>
    public override SkillRequest? ReadAnswer(Utterance utterance, PastTurn previous)
    {
        if (MoreWords.Contains(utterance.Joined))
        {
            return MoreRequest.After(previous);
        }
        // The span first: the earlier turns are read again only for a message that is one.
        return FollowUp().Match(utterance.Text) is { Success: true } followUp && followUp.Groups["span"].Value.ToLowerInvariant() is var span
            && IsSpan(span, utterance.Context.Clock) && SpanQuestion(utterance.Context) is { } asked
            ? Span(span, asked, utterance.Context.Clock)
            : null;
    }

    // The question about a span the conversation's last turns asked, through the follow-ups after it ("what's due this
    // week?", "and tomorrow?", "what about saturday?"): null when the previous turn was neither.
    private ListRequest? SpanQuestion(AgentContext context)
    {
        foreach (var turn in context.Chat.Earlier.Reverse().Take(10))
        {
            var said = Utterances.From(turn.UserText, context);
            if (Read(said) is ListRequest { Filter: DueSpanFilter or FinishedFilter } asked)
            {
                return asked;
            }
            if (FollowUp().Match(said.Text) is not { Success: true } followUp || !IsSpan(followUp.Groups["span"].Value.ToLowerInvariant(), context.Clock))
            {
                return null;
            }
        }
        return null;
    }

    private static bool IsSpan(string span, UserClock clock) =>
        DueFilter.Ranges.Contains(span) || span is "yesterday" or "last week" || When.ParseWhole(span, clock) is { DayFromTime: false, Time: null };

    // The span a follow-up names, asked as the earlier question asked: finished then, or due then.
    private static ListRequest? Span(string span, ListRequest asked, UserClock clock)
    {
        if (asked.Filter is FinishedFilter)
        {
            return span is "yesterday" or "today" or "this week" or "last week" ? asked with { Filter = new FinishedFilter(span) } : null;
        }
        if (DueFilter.Ranges.Contains(span))
        {
            return asked with { Filter = new DueFilter(span) };
        }
        return DayFilter.Of(span, clock) is { } said ? asked with { Filter = said } : null;
    }

    // After a question about a span: "how about next week", "what about tomorrow", "and on saturday" ("and" is dropped as a
    // filler before this is read), "next week then".
    [GeneratedRegex(@"^(?:(?:how|what)\s+about\s+)?(?:(?:for|on)\s+)?(?<span>.+?)(?:\s+then)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FollowUp();
}
