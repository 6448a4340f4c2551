namespace TaskChat.Agent;

/// <summary>Greetings, thanks and "help" (the capabilities the tools allow today, each with an example).</summary>
internal sealed class SmallTalkSkill(Func<IReadOnlyList<Skill>> skills) : Skill
{
    private static readonly string[] Greetings =
        ["hi", "hello", "hey", "hey there", "hi there", "hello there", "yo", "hiya", "howdy", "good morning", "good afternoon", "good evening", "sup", "whats up"];

    private static readonly string[] HelpRequests =
        ["help", "help me", "what can you do", "what can i do", "what can i say", "how does this work", "how do i use this",
         "how does it work", "commands", "examples", "menu", "options", "who are you", "what are you", "what do you do", "instructions",
         "what do you understand", "what can you understand", "show me examples", "what can i ask", "what can i ask you", "help please"];

    private static readonly string[] Thanks =
        ["thanks", "thank you", "thx", "ty", "cheers", "great", "cool", "ok", "okay", "nice", "awesome", "perfect", "thanks a lot", "thank you so much", "good", "got it", "ok thanks", "great thanks"];

    public override string Name => "small talk";

    public override int Precedence => 10;

    public override string Capability => "say hello";

    public override IReadOnlyList<string> Examples => ["hi", "help", "thanks!", "what can you do?", "good morning"];

    public override SkillRequest? Read(Utterance utterance)
    {
        var words = string.Join(' ', Phrase.Words(Phrase.Clean(utterance.Raw)));
        if (words.Length == 0 || HelpRequests.Contains(words))
        {
            return new Say(Help(utterance.Context));
        }
        if (Greetings.Contains(words))
        {
            return new Say("Hi! I keep your to-do list. Tell me what you need in your own words, for example “add buy milk”, “what's left?” or “I bought the milk”. Say “help” to see everything I understand.");
        }
        return Thanks.Contains(words) ? new Say("You're welcome! Anything else? You can ask “what's left?” at any time.") : null;
    }

    /// <summary>What the agent can do with the tools it has now, each with examples; what it cannot do yet is said too.</summary>
    public string Help(AgentContext context)
    {
        var enabled = skills().Where(s => s != this && context.Tools.Missing(s.Needs) is null).ToList();
        var disabled = skills().Where(s => s != this && context.Tools.Missing(s.Needs) is not null).ToList();
        var lines = enabled.Select(s => $"• {Phrase.Capitalize(s.Capability)}: {Replies.Join(s.Examples.Take(2).Select(e => $"“{e}”"))}");
        var text = "Here's what I understand:\n" + string.Join('\n', lines);
        if (disabled.Count > 0)
        {
            text += $"\nNot available yet with this task service: {Replies.Join(disabled.Select(s => s.Name))}.";
        }
        return text;
    }
}
