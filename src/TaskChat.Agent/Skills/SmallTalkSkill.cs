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

    // A no that answers no question of the agent's ("no" to a question is read by the skill that asked it, first).
    private static readonly string[] Noes = ["no", "nope", "nah", "no thanks", "no thank you", "never mind", "nevermind", "nvm", "not now", "no need"];

    // A message of emoji alone: a thumbs-up is a thanks, not a request for help.
    private static readonly string[] Acknowledgements = ["👍", "👌", "🙏", "😊", "🙂", "❤", "✅", "💯", "🎉", "😀", "😄", "👏", "🙌"];

    private static readonly string[] DateQuestions =
        ["what day is it", "what day is it today", "what day is today", "what is the date", "whats the date", "what is the date today",
         "whats the date today", "what is todays date", "whats todays date", "what date is it", "what date is it today", "todays date"];

    // "how are you?": asked of a chat as of a person (before: "Sorry, I didn't quite get that").
    private static readonly string[] HowAreYou =
        ["how are you", "how are you doing", "how are you today", "how r u", "how are u", "hows it going", "how is it going", "how do you do",
         "hi how are you", "hello how are you", "hey how are you", "you ok", "are you ok", "how have you been"];

    // About the conversation, not the tasks: the page's "+ New chat" does it (before: "Sorry, I didn't quite get that").
    private static readonly string[] NewChat =
        ["clear the chat", "clear chat", "clear this chat", "clear the conversation", "clear this conversation", "start a new chat",
         "new chat", "start a new conversation", "new conversation", "reset the chat", "reset chat", "start fresh", "fresh start"];

    // "start over": the conversation begun again, not a task “Start over” (before: offered as one); a title that goes on
    // ("add start over the project plan") is an add as ever. Clearing the tasks too is said, and asks first.
    private static readonly string[] StartOver =
        ["start over", "start over again", "start again", "lets start over", "lets start again", "can we start over", "i want to start over",
         "start from scratch", "lets start from scratch", "begin again", "restart the chat"];

    // Undo takes back one change, the last (before: "Sorry, I didn't quite get that").
    private static readonly string[] UndoAll = ["undo everything", "undo all", "undo all of that", "undo all of it", "undo all changes", "undo all my changes", "undo them all"];

    // Done for now, not a task called “A day” nor the “Call mom” task ticked off (before, "call it done" completed “Call mom”).
    private static readonly string[] CallingItADay =
        ["call it a day", "call it a night", "call it quits", "call it done", "call it even", "call it a wrap", "lets call it a day", "ill call it a day", "im calling it a day", "calling it a day", "call it a day for today",
         "call it a day for now", "lets call it a night", "call it a night for now"];

    private static readonly string[] TimeQuestions = ["what time is it", "whats the time", "what is the time", "what time is it now", "whats the time now"];

    public override string Name => "small talk";

    public override int Precedence => 10;

    public override string Capability => "say hello";

    public override IReadOnlyList<string> Examples => ["hi", "help", "thanks!", "what can you do?", "good morning"];

    public override SkillRequest? Read(Utterance utterance)
    {
        var words = string.Join(' ', Phrase.Words(Phrase.Clean(utterance.Raw)));
        if (words.Length == 0 && Acknowledgements.Any(utterance.Raw.Contains))
        {
            return new Say(YoureWelcome);
        }
        if (words.Length == 0 || HelpRequests.Contains(words))
        {
            return new Say(Help(utterance.Context));
        }
        var clock = utterance.Context.Clock;
        if (DateQuestions.Contains(words))
        {
            return new Say($"Today is {clock.Today.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}.");
        }
        if (TimeQuestions.Contains(words))
        {
            return new Say($"It's {clock.Now.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)} ({clock.ZoneName}).");
        }
        if (NewChat.Contains(words))
        {
            return new Say("To start afresh, press “+ New chat” in your list of chats (“Chats” on a phone): your tasks stay as they are, and this conversation stays in the list to come back to.");
        }
        if (StartOver.Contains(words))
        {
            return new Say("To start afresh, press “+ New chat” in your list of chats (“Chats” on a phone): your tasks stay as they are. To clear your tasks too, say “delete all my tasks” and I'll ask before deleting them.");
        }
        if (UndoAll.Contains(words))
        {
            return new Say("I can take back the last change only: say “undo” for it. For others, tell me what to change, for example “reopen 3” or “move 2 to friday”.");
        }
        if (CallingItADay.Contains(words))
        {
            return new Say("Sounds good: your tasks are saved as they are. Ask “what's left?” whenever you're back.");
        }
        if (HowAreYou.Contains(words))
        {
            return new Say("All good here, thanks, and ready to help. Tell me what's on your mind, for example “add buy milk”, or ask “what's left?”.");
        }
        if (Greetings.Contains(words))
        {
            return new Say("Hi! I keep your to-do list. Tell me what you need in your own words, for example “add buy milk”, “what's left?” or “I bought the milk”. Say “help” to see everything I understand.");
        }
        if (Thanks.Contains(words))
        {
            return new Say(YoureWelcome);
        }
        // A yes or no that answers nothing: the question it meant was answered already, or another message came between
        // (a "yes" to "Shall I delete them?" only counts in the very next message, so that it never deletes by surprise).
        if (Phrase.IsYes(utterance.Raw))
        {
            return new Say("Yes to what? Nothing I asked is waiting for an answer now, so I did nothing. Tell me what you'd like, for example “add buy milk” or “what's left?”.");
        }
        return Noes.Contains(words) ? new Say("OK, nothing changed.") : null;
    }

    private const string YoureWelcome = "You're welcome! Anything else? You can ask “what's left?” at any time.";

    /// <summary>What the agent can do with the tools it has now, each with examples; what it cannot do yet is said too.</summary>
    public string Help(AgentContext context)
    {
        var ordered = skills().Where(s => s != this).OrderBy(HelpRank).ToList();
        var enabled = ordered.Where(s => context.Tools.Missing(s.Needs) is null).ToList();
        var disabled = ordered.Where(s => context.Tools.Missing(s.Needs) is not null).ToList();
        var lines = enabled.Select(s => $"• {Phrase.Capitalize(s.Capability)}: {Replies.Join(NewExamples(s).Take(2).Select(e => $"“{e}”"))}");
        var text = "Here's what I understand:\n" + string.Join('\n', lines);
        if (disabled.Count > 0)
        {
            text += $"\nNot available yet with this task service: {Replies.Join(disabled.Select(s => s.Name))}.";
        }
        return text;
    }

    // What a new user needs first: adding and seeing tasks, ticking them off, then the fields, then the rest. (The skills'
    // own order is the order they are tried in, which puts the narrowest first: undo, clearing, due dates.)
    private static readonly Type[] HelpOrder =
        [typeof(AddSkill), typeof(ListSkill), typeof(CompleteSkill), typeof(PastTenseSkill), typeof(DueDateSkill), typeof(ReminderSkill),
         typeof(RepeatSkill), typeof(PrioritySkill), typeof(TagSkill), typeof(EditSkill), typeof(DeleteSkill), typeof(UndoSkill),
         typeof(ReopenSkill), typeof(SkipSkill), typeof(NextUpSkill), typeof(SummarySkill), typeof(StatusQuestionSkill), typeof(ClearTasksSkill)];

    private static int HelpRank(Skill skill) => Array.IndexOf(HelpOrder, skill.GetType()) is var rank and >= 0 ? rank : HelpOrder.Length;

    // A capability that quotes an example already ("set due dates (“set 3 due to friday”)") is not followed by it again.
    private static IEnumerable<string> NewExamples(Skill skill) => skill.Examples.Where(e => !skill.Capability.Contains($"“{e}”", StringComparison.Ordinal));
}
