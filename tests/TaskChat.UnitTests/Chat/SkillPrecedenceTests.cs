using TaskChat.Agent;

namespace TaskChat.UnitTests.Chat;

/// <summary>
/// Skills are tried by precedence, so two skills reading the same phrase is decided by order, not by chance. These
/// tests make the order checked: every skill's examples are read by that skill and by no skill tried before it.
/// </summary>
public class SkillPrecedenceTests
{
    private static readonly Planner Planner = new(SkillSet.All);

    private static readonly AgentContext Context = new(UserClock.Utc, ToolCatalog.From(new FakeTaskTools().All), new ChatState("", [], []));

    public static TheoryData<string, string> Examples()
    {
        var examples = new TheoryData<string, string>();
        foreach (var skill in SkillSet.All)
        {
            foreach (var example in skill.Examples)
            {
                examples.Add(skill.Name, example);
            }
        }
        return examples;
    }

    [Fact]
    public void EverySkillHasItsOwnPrecedenceAndName()
    {
        Assert.Equal(SkillSet.All.Count, SkillSet.All.Select(s => s.Precedence).Distinct().Count());
        Assert.Equal(SkillSet.All.Count, SkillSet.All.Select(s => s.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void AnExampleIsReadByItsSkillAndNoSkillTriedBeforeIt(string skill, string example)
    {
        var utterance = Utterances.From(example, Context);
        var owner = SkillSet.All.Single(s => s.Name == skill);

        Assert.True(owner.Read(utterance) is not null, $"The {skill} skill does not read its example “{example}”.");
        var earlier = Planner.Skills.TakeWhile(s => s != owner).Where(s => s.Read(utterance) is not null).Select(s => s.Name).ToList();
        Assert.True(earlier.Count == 0, $"“{example}” of the {skill} skill is claimed first by: {string.Join(", ", earlier)}.");
    }

    [Fact]
    public void AnExampleOfOneSkillIsNotAnExampleOfAnother() =>
        Assert.Empty(SkillSet.All.SelectMany(s => s.Examples.Select(e => (s.Name, e))).GroupBy(x => x.e, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key));
}
