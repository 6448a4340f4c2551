using System.Globalization;
using System.Text;

namespace TaskChat.Bench.Suite;

/// <summary>What a row's ratio must be to pass: at least or at most <see cref="Limit"/>.</summary>
internal sealed record Target(bool AtLeast, double Limit, string Text)
{
    public static Target Min(double limit, string text) => new(true, limit, text);

    public static Target Max(double limit, string text) => new(false, limit, text);

    public bool Passes(double value) => AtLeast ? value >= Limit : value <= Limit;
}

/// <summary>
/// One line of the table: our figure per round, the reference's per round (the TypeScript server, or the
/// api's own REST call for a chat turn), and how the ratio is read. Rounds were interleaved, so round i of
/// ours and of the reference ran next to each other: the ratio is taken per round, then its median.
/// </summary>
internal sealed class Row(string section, string name, string unit, Target? target, Func<double, double, double>? ratio = null, string? ratioNote = null)
{
    public string Section { get; } = section;

    public string Name { get; } = name;

    public string Unit { get; } = unit;

    public Target? Target { get; } = target;

    public List<double> Ours { get; } = [];

    public List<double> Reference { get; } = [];

    /// <summary>How a round's ratio is made from (ours, reference): ours / reference unless given.</summary>
    public Func<double, double, double> Ratio { get; } = ratio ?? ((ours, reference) => ours / reference);

    public string? RatioNote { get; } = ratioNote;

    /// <summary>When set, the ratio is checked against this value instead of being ours/reference (absolute targets: MB, ms).</summary>
    public bool AbsoluteTarget { get; init; }

    public IReadOnlyList<double> Ratios =>
        Reference.Count == 0 ? [] : [.. Ours.Zip(Reference, (o, r) => Ratio(o, r)).Where(double.IsFinite)];
}

internal static class Report
{
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static string Markdown(IReadOnlyList<Row> rows, string machine, string notes)
    {
        var text = new StringBuilder();
        text.AppendLine(machine).AppendLine();
        text.AppendLine("| row | ours | reference | ratio | target | pass | spread: ours / reference / ratio (min–max) |");
        text.AppendLine("|---|---:|---:|---:|---|:-:|---|");
        string? section = null;
        foreach (var row in rows)
        {
            if (row.Section != section)
            {
                section = row.Section;
                text.AppendLine(CultureInfo.InvariantCulture, $"| **{section}** | | | | | | |");
            }
            var ours = Median(row.Ours);
            var reference = Median(row.Reference);
            var ratios = row.Ratios;
            var ratio = row.AbsoluteTarget ? double.NaN : Median(ratios);
            var checkedValue = row.AbsoluteTarget ? ours : ratio;
            var pass = row.Target is null || double.IsNaN(checkedValue) ? "" : row.Target.Passes(checkedValue) ? "✅" : "❌";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Name} ({row.Unit}) | {F(ours)} | {(row.Reference.Count == 0 ? "–" : F(reference))} | {(double.IsNaN(ratio) ? "–" : F(ratio, ratio < 10 ? "0.00" : "0.0") + "×")} | {row.Target?.Text ?? ""} | {pass} | {Spread(row.Ours)} / {Spread(row.Reference)} / {Spread(ratios)} |");
        }
        text.AppendLine().Append(notes);
        return text.ToString();
    }

    private static string Spread(IReadOnlyList<double> values) =>
        values.Count == 0 ? "–" : values.Count == 1 ? F(values[0]) + " (1 run)" : $"{F(values.Min())}–{F(values.Max())}";

    public static string F(double value, string? format = null) =>
        double.IsNaN(value) ? "–" : value.ToString(format ?? (Math.Abs(value) >= 100 ? "0" : Math.Abs(value) >= 10 ? "0.0" : "0.00"), CultureInfo.InvariantCulture);
}
