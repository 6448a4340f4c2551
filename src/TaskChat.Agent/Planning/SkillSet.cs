namespace TaskChat.Agent;

/// <summary>Every skill of the offline agent, in one list: adding a capability is adding a skill here.</summary>
internal static class SkillSet
{
    public static IReadOnlyList<Skill> All { get; } = Create();

    private static List<Skill> Create()
    {
        List<Skill> skills = [];
        skills.AddRange(
        [
            new SmallTalkSkill(() => skills),
            new UndoSkill(),
            new ClearTasksSkill(),
            new DueDateSkill(),
            new PrioritySkill(),
            new TagSkill(),
            new RepeatSkill(),
            new ReminderSkill(),
            new ReopenSkill(),
            new SkipSkill(),
            new CompleteSkill(),
            new DeleteSkill(),
            new EditSkill(),
            new AddSkill(),
            new NextUpSkill(),
            new SummarySkill(),
            new StatusQuestionSkill(),
            new ListSkill(),
            new PastTenseSkill(),
        ]);
        return skills;
    }
}
