using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Samskapelse.Bench.Cards;
using Samskapelse.Cards.Model;
using Samskapelse.Tests.Cards;

// dotnet Samskapelse.Bench.Cards.dll [--out artifacts/bench] [--sweep-only]
const double LimitMicroseconds = 200;
var outIndex = Array.IndexOf(args, "--out");
var output = Path.GetFullPath(outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Combine("artifacts", "bench"));
Directory.CreateDirectory(output);

// 1. Every card in the card tests' catalogue (every language, empty, typical and full plans): build and serialize
//    each one many times, keep each card's fastest time. Quick, and nothing is left out.
var sweep = Sweep(rounds: 30);
var verdict = sweep.Max(s => s.Microseconds) < LimitMicroseconds;
var slowest = sweep.OrderByDescending(s => s.Microseconds).ToList();
var md = new StringBuilder();
md.AppendLine("## Cards: build and serialize to JSON").AppendLine();
md.AppendLine(CultureInfo.InvariantCulture, $"Every card of the card tests' catalogue ({sweep.Count} cards: every kind, in en, nb and da, for an empty, a typical and a full plan), fastest of 30 rounds; the slowest. ")
    .AppendLine("An upper bound: a few entries also make their sample data as they are enumerated (the HR progress list makes 30 journeys).").AppendLine();
md.AppendLine("| card | µs | JSON bytes |").AppendLine("| --- | ---: | ---: |");
foreach (var (name, microseconds, bytes) in slowest.Take(8))
{
    md.AppendLine(CultureInfo.InvariantCulture, $"| `{name}` | {microseconds:0.0} | {bytes} |");
}

md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Catalogue cards under {LimitMicroseconds:0} µs: {sweep.Count(s => s.Microseconds < LimitMicroseconds)} of {sweep.Count}.").AppendLine();

// 2. BenchmarkDotNet, in process with a short job, for the largest card of each kind.
if (!args.Contains("--sweep-only"))
{
    var config = ManualConfig.CreateMinimumViable()
        .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(6)
            .WithIterationTime(TimeInterval.FromMilliseconds(100)).WithId("short"))
        .AddExporter(MarkdownExporter.GitHub)
        .WithArtifactsPath(Path.Combine(output, "cards"))
        .WithOptions(ConfigOptions.DisableLogFile);
    var summary = BenchmarkRunner.Run<CardBenchmarks>(config);
    var slowestKind = summary.Reports.Max(r => r.ResultStatistics?.Mean ?? double.PositiveInfinity) / 1000;
    verdict = slowestKind < LimitMicroseconds;
    md.AppendLine("BenchmarkDotNet (in process, 3 warm-up and 6 measured iterations of 100 ms), the largest card of each kind, in Norwegian:").AppendLine();
    md.AppendLine("| card | mean µs | error µs | allocated KB | under 200 µs |").AppendLine("| --- | ---: | ---: | ---: | :---: |");
    foreach (var report in summary.Reports.OrderByDescending(r => r.ResultStatistics?.Mean ?? 0))
    {
        var mean = (report.ResultStatistics?.Mean ?? double.NaN) / 1000;
        var error = (report.ResultStatistics?.ConfidenceInterval.Margin ?? double.NaN) / 1000;
        var allocated = (report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0) / 1024.0;
        md.AppendLine(CultureInfo.InvariantCulture, $"| `{report.BenchmarkCase.Parameters["Card"]}` | {mean:0.0} | {error:0.0} | {allocated:0.0} | {(mean < LimitMicroseconds ? "yes" : "**no**")} |");
    }

    md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Every kind under {LimitMicroseconds:0} µs: **{(verdict ? "yes" : "no")}** (slowest {slowestKind:0.0} µs).").AppendLine();
}

var markdown = md.ToString();
await File.WriteAllTextAsync(Path.Combine(output, "cards.md"), markdown);
Console.WriteLine(markdown);
return verdict ? 0 : 1;

static List<(string Name, double Microseconds, int Bytes)> Sweep(int rounds)
{
    var best = new Dictionary<string, (double Microseconds, int Bytes)>(StringComparer.Ordinal);
    var clock = new Stopwatch();
    for (var round = 0; round < rounds; round++)
    {
        // The catalogue builds each card as it is enumerated: the time of MoveNext is the time to build that card.
        using var cards = CardCatalogue.All().GetEnumerator();
        while (true)
        {
            clock.Restart();
            if (!cards.MoveNext())
            {
                break;
            }

            var (name, card) = cards.Current;
            var json = CardJson.Serialize(card);
            var microseconds = clock.Elapsed.TotalMicroseconds;
            if (!best.TryGetValue(name, out var known) || microseconds < known.Microseconds)
            {
                best[name] = (microseconds, Encoding.UTF8.GetByteCount(json));
            }
        }
    }

    return [.. best.Select(b => (b.Key, b.Value.Microseconds, b.Value.Bytes))];
}
