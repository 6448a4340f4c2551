using System.Text.RegularExpressions;
using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "tag it home", "tag 3 work", "tag the milk one as shopping", "tag 3 #work #errands", "untag 3 work",
/// "remove the work tag from 3". Tags are a set: the task is looked up first and the whole new set is sent.
/// Needs update_task's <c>tags</c>.
/// </summary>
internal sealed partial class TagSkill : Skill
{
    private static readonly AddSkill Adding = new();

    public override string Name => "tags";

    public override int Precedence => 44;

    public override string Capability => "tag tasks (“tag 3 work”, “#home”)";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.UpdateTask, TaskToolArguments.Tags)];

    public override IReadOnlyList<string> Examples => ["tag it home", "tag 3 work", "tag the milk one as shopping", "tag 3 #work #errands", "untag 3 work", "remove the work tag from 3", "tag milk and eggs #shopping", "put the taxes on the home list", "move the taxes to the home list"];

    public override SkillRequest? Read(Utterance utterance)
    {
        var text = utterance.Text;
        // "put the taxes on the home list", "stick milk on my home list": a list is a tag here, so a task those words name
        // is tagged (before: a new task “Milk on the home list”, or “The taxes” tagged #work beside “File taxes”). None
        // still to do, the message is the add it always was ("put my name on the waiting list"). What goes on the shopping
        // list is a thing to buy, added at once as before ("put eggs on the shopping list": “Eggs”, #shopping).
        if (PutOnList().Match(text) is { Success: true } put && Markers.ListTag(put.Groups["name"].Value) is { } listTag
            && listTag is not ("shopping" or "grocery" or "groceries")
            && !ListSkill.OnlyNamesTasks([listTag]) && !ListSkill.NeverATag(listTag) && When.ParseWhole(put.Groups["name"].Value, utterance.Context.Clock) is null
            && TaskReference.Parse(put.Groups["task"].Value) is { ByWords: true } putTarget)
        {
            return new TagRequest(putTarget, [listTag], []) { AddInstead = Adding.Read(utterance) };
        }
        // "move the taxes to the home list", "move the milk to my shopping list": a task moved between lists, so any list
        // (before: offered as a task “Move the taxes to the home list”), and off the one it was on (TagRequest.Moves). None
        // still to do, the offer it was before.
        if (MoveToList().Match(text) is { Success: true } move && Markers.ListTag(move.Groups["name"].Value) is { } movedTo
            && !ListSkill.OnlyNamesTasks([movedTo]) && !ListSkill.NeverATag(movedTo) && When.ParseWhole(move.Groups["name"].Value, utterance.Context.Clock) is null
            && TaskReference.Parse(move.Groups["task"].Value) is { ByWords: true } moveTarget)
        {
            return new TagRequest(moveTarget, [movedTo], []) { Moves = true, AddInstead = new Say(Fallback.Offer(text, utterance.Context.Clock)) };
        }
        if (Phrase.TryStripStart(text, ["remove the", "delete the", "drop the", "take off the"], out var removing)
            && Phrase.TrySplit(removing, ["tag from", "tag of", "label from"], out var tagText, out var fromText)
            && Markers.Tag(tagText) is { } removedTag && TaskReference.Parse(fromText) is { } fromTarget)
        {
            return new TagRequest(fromTarget, [], [removedTag]);
        }
        // "remove all tags from the milk", "clear the tags of 3", "untag milk": every tag the task has.
        if (Phrase.TryStripStart(text, ["remove all tags from", "remove all the tags from", "remove the tags from", "clear the tags of", "clear the tags on",
                "clear the tags from", "clear all tags from", "clear all tags on", "delete all tags from", "delete the tags from", "take all tags off", "take the tags off"], out var allOf)
            && TaskReference.Parse(allOf) is { } allTarget)
        {
            return new TagRequest(allTarget, [], []) { RemovesAll = true };
        }
        var untag = Phrase.TryStripStart(text, ["untag", "remove tag", "remove the tag"], out var rest);
        // The tag, then the task: "remove the tag home from the milk", "untag work from 3", "remove #home from the milk",
        // "take #home off the milk" (before: "remove the tag home from the milk" looked for a task “home from the”). Without
        // "tag" the tag must have its "#": "remove milk from the list" is a deletion.
        if (untag && Phrase.TrySplit(rest, ["from", "off"], out var tagWords, out var fromTask)
            && Phrase.Words(tagWords).Where(w => w is not ("the" or "and")).Select(Markers.Tag).ToList() is { Count: > 0 } named
            && named.All(t => t is not null) && TaskReference.Parse(fromTask) is { } fromTaskTarget)
        {
            return new TagRequest(fromTaskTarget, [], [.. named.OfType<string>()]);
        }
        if (!untag && Phrase.TryStripStart(text, ["remove", "delete", "drop", "take"], out var hashFirst)
            && Markers.ExtractTags(hashFirst, out var afterTags) is { Count: > 0 } hashes && hashFirst.TrimStart().StartsWith('#')
            && Phrase.TryStripStart(afterTags, ["from", "off"], out var hashTask) && TaskReference.Parse(hashTask) is { } hashTarget)
        {
            return new TagRequest(hashTarget, [], [.. hashes]);
        }
        // "untag milk"; "untag the rent", "untag the milk one": a task named after an article (before: "rent" taken for the
        // tag and "the" for the task, and not understood). "untag the rent work" still takes #work off the rent.
        if (untag && Markers.ExtractTags(rest, out _).Count == 0 && Phrase.Words(rest) is var taskWords
            && (taskWords.Count == 1 || taskWords.Count is 2 or 3 && taskWords[0] is "the" or "my" or "that" or "this" && (taskWords.Count == 2 || taskWords[2] is "one" or "task"))
            && TaskReference.Parse(taskWords.Count == 1 ? taskWords[0] : rest) is { } untagged)
        {
            return new TagRequest(untagged, [], []) { RemovesAll = true };
        }
        if (!untag && !Phrase.TryStripStart(text, ["tag", "label", "add the tag", "add tag"], out rest))
        {
            return null;
        }
        // The tags come after "as"/"with", or are the #words, or the last word: "tag the milk one shopping".
        var hashTags = Markers.ExtractTags(rest, out var withoutHashes);
        string targetText;
        List<string> tags;
        if (hashTags.Count > 0)
        {
            (targetText, tags) = (withoutHashes, [.. hashTags]);
        }
        else if (Phrase.TrySplit(rest, ["as", "with", "to"], out var before, out var after))
        {
            (targetText, tags) = (before, [.. Phrase.Words(after).Where(w => w is not ("and" or "the" or "tag" or "tags")).Select(Markers.Tag).OfType<string>()]);
        }
        else if (Phrase.Words(rest).ToArray() is [.. var head, var last] && head.Length > 0)
        {
            (targetText, tags) = (string.Join(' ', head), Markers.Tag(last) is { } one ? [one] : []);
        }
        else
        {
            return null;
        }
        if (tags.Count == 0 || TaskReference.Parse(targetText) is not { } target)
        {
            return null;
        }
        return untag ? new TagRequest(target, [], tags) : new TagRequest(target, tags, []);
    }

    [GeneratedRegex(@"^(?:put|stick|pop)\s+(?<task>.+?)\s+(?:on|onto|in|into)\s+(?:the|my|our)\s+(?<name>\p{L}[\p{L}\p{N}_-]{0,31}(?:\s+\p{L}[\p{L}\p{N}_-]{0,31})?)\s+list$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PutOnList();

    [GeneratedRegex(@"^(?:move|switch|shift)\s+(?<task>.+?)\s+(?:to|onto|into)\s+(?:the|my|our)\s+(?<name>\p{L}[\p{L}\p{N}_-]{0,31}(?:\s+\p{L}[\p{L}\p{N}_-]{0,31})?)\s+list$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoveToList();
}

internal sealed record TagRequest(TaskTarget Target, IReadOnlyList<string> Added, IReadOnlyList<string> Removed) : FieldChangeRequest(Target)
{
    protected override string Argument => TaskToolArguments.Tags;

    protected override string Feature => "tags";

    /// <summary>"untag milk", "remove all tags from 3": every tag the task has goes.</summary>
    public bool RemovesAll { get; init; }

    /// <summary>
    /// "move the taxes to the home list": the task leaves the list it was on, as a list app's move does. With one other tag
    /// (“File taxes” #work) that tag is the list, and is replaced; with several, which one is "the list" is a guess, so
    /// they are kept and the reply names them, with how to take one off; with none it is tagged. Before, #home was added
    /// and #work kept, as "put the taxes on the home list" (which stays an addition) does.
    /// </summary>
    public bool Moves { get; init; }

    // The tags a move takes the task off: its only other one.
    private IReadOnlyList<string> Left(TaskSnapshot task) =>
        Moves && task.Tags.Except(Added).ToList() is [var only] ? [only] : [];

    protected override object? NewValue(TaskSnapshot task, AgentContext context) =>
        RemovesAll ? Array.Empty<string>() : task.Tags.Concat(Added).Except(Removed).Except(Left(task)).Distinct().ToArray();

    // The tags a removal would take from a task that has them (all of them for RemovesAll).
    private IReadOnlyList<string> Taken(TaskSnapshot task) => RemovesAll ? task.Tags : [.. task.Tags.Intersect(Removed)];

    // A removal of tags none of the tasks has: said, with the tags they do have, and nothing written (before: "Removed
    // #shopping from “Buy milk”." for a task that never had it).
    // A move to the list every task is on alone already: said, and nothing written.
    protected override NextStep ActOn(IReadOnlyList<TaskSnapshot> targets, AgentContext context) =>
        Added.Count == 0 && targets.All(t => t.Known && Taken(t).Count == 0)
            ? new Answer(string.Join(' ', targets.Select(NothingToTake)) + " Nothing changed.")
        : Moves && targets.All(t => t.Known && t.Tags.Order().SequenceEqual(Added.Order()))
            ? new Answer(string.Join(' ', targets.Select(t => $"“{t.Title}” is already on {Replies.Join(Added.Select(a => "#" + a))}.")) + " Nothing changed.")
            : base.ActOn(targets, context);

    private string NothingToTake(TaskSnapshot task)
    {
        var has = task.Tags.Count == 0 ? "it has no tags" : $"its tags are {Replies.Join(task.Tags.Select(t => "#" + t))}";
        return RemovesAll || task.Tags.Count == 0
            ? $"“{task.Title}” has no tags."
            : $"“{task.Title}” isn't tagged {Replies.Join(Removed.Select(t => "#" + t), "or")}: {has}.";
    }

    protected override string Changed(string title, AgentContext context) => Added.Count > 0
        ? $"Tagged “{title}” {Replies.Join(Added.Select(t => "#" + t))}."
        : $"Removed {Replies.Join(Removed.Select(t => "#" + t))} from “{title}”.";

    // What a removal took from this task, from its tags before (“Removed #shopping and #errands from “Buy milk”.”).
    protected override string Changed(string title, TaskSnapshot? before, AgentContext context) =>
        Moves && before is { Known: true } ? MovedTo(title, before)
        : Added.Count > 0 || before is not { Known: true } ? Changed(title, context)
        : Taken(before) is { Count: > 0 } taken ? $"Removed {Replies.Join(taken.Select(t => "#" + t))} from “{title}”."
        : $"“{title}” had no {(RemovesAll ? "tags" : Replies.Join(Removed.Select(t => "#" + t), "or") + " tag")}.";

    // “Moved “File taxes” from #work to #home.”; kept tags named, with the message that takes one off.
    private string MovedTo(string title, TaskSnapshot before)
    {
        var to = Replies.Join(Added.Select(t => "#" + t));
        var kept = before.Tags.Except(Added).ToList();
        return kept switch
        {
            [] => $"Moved “{title}” to {to}.",
            [var from] => $"Moved “{title}” from #{from} to {to}.",
            _ => $"Tagged “{title}” {to}. It is still on {Replies.Join(kept.Select(t => "#" + t))}: say “untag {before.Id} {kept[0]}” to take it off one.",
        };
    }

    protected override string ByNumbers(string numbers, AgentContext context) =>
        RemovesAll ? $"remove all tags from {numbers}"
        : (Added.Count > 0 ? $"tag {numbers} " : $"untag {numbers} ") + string.Join(' ', (Added.Count > 0 ? Added : Removed).Select(t => "#" + t));
}
