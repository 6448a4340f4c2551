using TaskChat.Contract;

namespace TaskChat.Agent;

/// <summary>
/// "tag it home", "tag 3 work", "tag the milk one as shopping", "tag 3 #work #errands", "untag 3 work",
/// "remove the work tag from 3". Tags are a set: the task is looked up first and the whole new set is sent.
/// Needs update_task's <c>tags</c>.
/// </summary>
internal sealed class TagSkill : Skill
{
    public override string Name => "tags";

    public override int Precedence => 44;

    public override string Capability => "tag tasks (“tag 3 work”, “#home”)";

    public override IReadOnlyList<ToolNeed> Needs => [new(ToolNames.UpdateTask, TaskToolArguments.Tags)];

    public override IReadOnlyList<string> Examples => ["tag it home", "tag 3 work", "tag the milk one as shopping", "tag 3 #work #errands", "untag 3 work", "remove the work tag from 3", "tag milk and eggs #shopping"];

    public override SkillRequest? Read(Utterance utterance)
    {
        var text = utterance.Text;
        if (Phrase.TryStripStart(text, ["remove the", "delete the", "drop the", "take off the"], out var removing)
            && Phrase.TrySplit(removing, ["tag from", "tag of", "label from"], out var tagText, out var fromText)
            && Markers.Tag(tagText) is { } removedTag && TaskReference.Parse(fromText) is { } fromTarget)
        {
            return new TagRequest(fromTarget, [], [removedTag]);
        }
        var untag = Phrase.TryStripStart(text, ["untag", "remove tag", "remove the tag"], out var rest);
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
}

internal sealed record TagRequest(TaskTarget Target, IReadOnlyList<string> Added, IReadOnlyList<string> Removed) : FieldChangeRequest(Target)
{
    protected override string Argument => TaskToolArguments.Tags;

    protected override string Feature => "tags";

    protected override object? NewValue(TaskSnapshot task, AgentContext context) =>
        task.Tags.Concat(Added).Except(Removed).Distinct().ToArray();

    protected override string Changed(string title, AgentContext context) => Added.Count > 0
        ? $"Tagged “{title}” {Replies.Join(Added.Select(t => "#" + t))}."
        : $"Removed {Replies.Join(Removed.Select(t => "#" + t))} from “{title}”.";

    protected override string ByNumbers(string numbers, AgentContext context) =>
        (Added.Count > 0 ? $"tag {numbers} " : $"untag {numbers} ") + string.Join(' ', (Added.Count > 0 ? Added : Removed).Select(t => "#" + t));
}
