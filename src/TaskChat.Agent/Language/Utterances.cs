namespace TaskChat.Agent;

/// <summary>
/// Cleans a message for the skills: whitespace collapsed, apostrophes straightened, closing punctuation dropped,
/// then politeness and fillers ("please", "can you", "hey", "thanks") removed from both ends, so they never change
/// what a message means. A message all in capitals is read in lower case.
/// </summary>
internal static class Utterances
{
    private static readonly string[] LeadingFillers =
        ["please", "pls", "plz", "kindly", "hey", "hey there", "hi", "hi there", "hello", "ok", "okay", "ok so", "so", "um", "uh", "well",
         "also", "and", "now", "then", "oh", "yo", "just", "quickly", "can you", "could you", "would you", "will you", "can u", "could u",
         "can you please", "could you please", "would you please", "i want you to", "i'd like you to", "i would like you to",
         "i want to", "i'd like to", "i would like to", "i wanna", "let me", "let's", "lets", "go ahead and", "help me", "actually", "oops",
         "hmm", "sorry", "wait", "ah", "alright", "all right", "cool", "great", "nice", "awesome", "perfect", "nevermind", "never mind", "nvm",
         "btw", "by the way"];

    private static readonly string[] TrailingFillers =
        ["please", "pls", "plz", "thanks", "thank you", "thx", "for me", "now", "right now", "asap", "actually", "lol", "lmao", "haha", "hehe",
         // "ok add eggs then": the "then" of going along with something, not the task's (before: “Eggs then” was added).
         "then"];

    public static Utterance From(string raw, AgentContext context)
    {
        var text = Phrase.Clean(raw);
        // "wat's left", "wats due today": "what" as a quick thumb types it (before: not understood).
        if (Phrase.TryStripStart(text, ["wat's", "wats"], out var afterWhats) && afterWhats.Length > 0)
        {
            text = "what's " + afterWhats;
        }
        else if (Phrase.TryStripStart(text, ["wat"], out var afterWhat) && afterWhat.Length > 0)
        {
            text = "what " + afterWhat;
        }
        // "ping me at 5 about milk", "nudge me tomorrow to call mom": a reminder asked in other words (before: not understood).
        if (Phrase.TryStripStart(text, ["ping me", "nudge me"], out var pinged) && pinged.Length > 0)
        {
            text = "remind me " + pinged;
        }
        // "BUY TOILET PAPER": a message in capitals (caps lock, a shout) is read, and its task titled, as ordinary words.
        if (!text.Any(char.IsLower) && text.Count(char.IsUpper) >= 4)
        {
            text = text.ToLowerInvariant();
        }
        var whole = Phrase.Words(text);
        // A message that is only fillers ("thanks", "hi") keeps them: small talk reads those.
        var stripped = Strip(text);
        if (Phrase.Words(stripped).Count > 0)
        {
            text = stripped;
        }
        var words = Phrase.Words(text);
        return new Utterance(raw, text, words.Count > 0 ? words : whole, context);
    }

    private static string Strip(string text)
    {
        while (Phrase.TryStripStart(text, LeadingFillers, out var rest) || Phrase.TryStripEnd(text, TrailingFillers, out rest))
        {
            text = rest;
        }
        return text;
    }
}
