namespace TaskChat.Api.Chat.Offline;

/// <summary>
/// Turns one chat message into an <see cref="Intent"/>: pure and deterministic. Each intent is a short
/// list of phrases tried in a fixed order (update, complete, delete, add, list); politeness and fillers
/// ("please", "can you", "hey") are removed first, so they never change the outcome.
/// </summary>
internal static class IntentParser
{
    private static readonly string[] Greetings =
        ["hi", "hello", "hey", "hey there", "hi there", "hello there", "yo", "hiya", "howdy", "good morning", "good afternoon", "good evening", "sup", "whats up"];

    private static readonly string[] HelpRequests =
        ["help", "help me", "what can you do", "what can i do", "what can i say", "how does this work", "how do i use this",
         "how does it work", "commands", "examples", "menu", "options", "who are you", "what are you", "what do you do", "instructions"];

    private static readonly string[] Thanks =
        ["thanks", "thank you", "thx", "ty", "cheers", "great", "cool", "ok", "okay", "nice", "awesome", "perfect", "thanks a lot", "thank you so much"];

    private static readonly string[] LeadingFillers =
        ["please", "pls", "plz", "kindly", "hey", "hey there", "hi", "hi there", "hello", "ok", "okay", "ok so", "so", "um", "uh", "well",
         "also", "and", "now", "then", "oh", "yo", "just", "quickly", "can you", "could you", "would you", "will you", "can u", "could u",
         "can you please", "could you please", "would you please", "i want you to", "i'd like you to", "i would like you to",
         "i want to", "i'd like to", "i would like to", "i wanna", "let me", "let's", "lets", "go ahead and", "help me"];

    private static readonly string[] TrailingFillers =
        ["please", "pls", "plz", "thanks", "thank you", "thx", "for me", "now", "right now", "asap"];

    private static readonly string[] CompleteVerbs =
        ["mark", "complete", "finish", "finished", "check off", "tick off", "cross off", "close", "done", "done with",
         "i finished", "i've finished", "i have finished", "i completed", "i've completed", "i have completed", "i did",
         "i've done", "i have done", "i'm done with", "im done with", "i am done with", "i'm finished with", "set done"];

    private static readonly string[] DoneWords =
        ["done", "as done", "complete", "as complete", "completed", "as completed", "finished", "as finished", "off", "as checked", "checked"];

    private static readonly string[] NotDoneWords =
        ["not done", "as not done", "undone", "as undone", "incomplete", "as incomplete", "pending", "as pending", "open", "as open", "not complete", "as not complete"];

    private static readonly string[] DeleteVerbs =
        ["delete", "remove", "erase", "drop", "cancel", "get rid of", "forget", "forget about", "trash", "scratch", "discard", "bin"];

    private static readonly string[] FromTheList =
        ["from my list", "from the list", "from my tasks", "from my task list", "from my to-do list", "from my todo list", "from list",
         "off my list", "off the list", "from my to do list"];

    public static Intent Parse(string message)
    {
        var text = Phrase.Clean(message);
        var words = string.Join(' ', Phrase.Words(text));
        if (words.Length == 0 || HelpRequests.Contains(words) || text == "?")
        {
            return new NoToolIntent(NoToolReason.Help);
        }
        if (Greetings.Contains(words))
        {
            return new NoToolIntent(NoToolReason.Greeting);
        }
        if (Thanks.Contains(words))
        {
            return new NoToolIntent(NoToolReason.Thanks);
        }

        text = StripFillers(text);
        if (text.Length == 0)
        {
            return new NoToolIntent(NoToolReason.Help);
        }
        if (TaskReference.Parse(text) is { ByWords: false } bare)
        {
            return new NoToolIntent(NoToolReason.BareTaskNumber, string.Join(", ", bare.Ids));
        }
        return UpdateParser.Parse(text)
            ?? ParseComplete(text)
            ?? ParseDelete(text)
            ?? AddParser.Parse(text)
            ?? ListParser.Parse(text)
            ?? ParseCompleteByEnding(text)
            ?? new NoToolIntent(NoToolReason.Unknown, IsQuestion(message) ? null : text);
    }

    // A question is not offered back as a task to add ("add what's the weather like" helps no one).
    private static bool IsQuestion(string message) =>
        message.TrimEnd().EndsWith('?')
        || Phrase.Words(message) is [var first, ..] && first is "what" or "whats" or "how" or "why" or "when" or "where" or "who" or "which"
            or "is" or "are" or "do" or "does" or "can" or "could" or "will" or "would" or "should";

    private static string StripFillers(string text)
    {
        while (Phrase.TryStripStart(text, LeadingFillers, out var rest) || Phrase.TryStripEnd(text, TrailingFillers, out rest))
        {
            text = rest;
        }
        return text;
    }

    // "complete 3", "mark the milk one done", "I finished task 3", "check off #2".
    private static Intent? ParseComplete(string text)
    {
        if (!Phrase.TryStripStart(text, CompleteVerbs, out var rest))
        {
            return null;
        }
        if (Phrase.TryStripEnd(rest, NotDoneWords, out _))
        {
            return new NoToolIntent(NoToolReason.ReopenUnsupported);
        }
        Phrase.TryStripEnd(rest, DoneWords, out rest);
        return Act(TaskAction.Complete, rest);
    }

    // "the milk one is done", "task 3 done": the verb comes last.
    private static Intent? ParseCompleteByEnding(string text) =>
        Phrase.TryStripEnd(text, ["is done", "is finished", "is complete", "is completed", "are done", "done", "finished", "completed"], out var rest)
            ? Act(TaskAction.Complete, rest)
            : null;

    // "delete task 4", "remove #2", "delete the rent task", "get rid of the milk one".
    private static Intent? ParseDelete(string text)
    {
        if (!Phrase.TryStripStart(text, DeleteVerbs, out var rest))
        {
            return null;
        }
        Phrase.TryStripEnd(rest, FromTheList, out rest);
        return Act(TaskAction.Delete, rest);
    }

    /// <summary>An action on the tasks the rest of the message names, or a question when it names none.</summary>
    internal static Intent? Act(TaskAction action, string targetText, string? newTitle = null, string? newDescription = null)
    {
        if (TaskReference.IsEverything(targetText))
        {
            return new NoToolIntent(NoToolReason.BulkUnsupported, Action: action);
        }
        var target = TaskReference.Parse(targetText);
        if (target is not null)
        {
            return new ActIntent(action, target, newTitle, newDescription);
        }
        // "finished tasks" is a list request, not an attempt to complete something.
        if (Phrase.Words(targetText).Count > 0)
        {
            return null;
        }
        return new NoToolIntent(NoToolReason.MissingTarget, Action: action);
    }
}
