namespace TaskChat.Launcher.Deployed;

/// <summary>One line of doctor's report: ✓ or ✗, what was checked, and for a ✗ what to do.</summary>
public sealed record DoctorCheck(bool Ok, string Text, string? Fix = null);

/// <summary>The checks in the order they ran, written as they come.</summary>
public sealed class DoctorReport(TextWriter output)
{
    private readonly List<DoctorCheck> _checks = [];

    public IReadOnlyList<DoctorCheck> Checks => _checks;

    public int Failures => _checks.Count(c => !c.Ok);

    public void Pass(string text) => Add(new DoctorCheck(true, text));

    public void Fail(string text, string fix) => Add(new DoctorCheck(false, text, fix));

    /// <summary>Context that is neither a pass nor a failure (a check that cannot run from here).</summary>
    public void Note(string text) => output.WriteLine($"  –  {text}");

    public void Section(string title) => output.WriteLine(title);

    private void Add(DoctorCheck check)
    {
        _checks.Add(check);
        output.WriteLine($"  {(check.Ok ? "✓" : "✗")}  {check.Text}");
        if (check.Fix is not null)
        {
            output.WriteLine($"     fix: {check.Fix}");
        }
    }
}
