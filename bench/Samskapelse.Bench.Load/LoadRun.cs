using System.Diagnostics;
using System.Globalization;
using Samskapelse.Bench.Connector;

namespace Samskapelse.Bench.Load;

/// <summary>The figures of one run: one bot, one delivery mode, N conversations at once.</summary>
public sealed record RunResult(
    DeliveryMode Mode,
    string Bot,
    int Conversations,
    int Turns,
    double Seconds,
    double P50,
    double P99,
    double CpuMsPerTurn,
    double PeakMemoryMb,
    double RepliesPerTurn,
    int Completed,
    int Failed,
    long Replies,
    long ConnectorReceived)
{
    public double TurnsPerSecond => Turns / Seconds;
}

/// <summary>
/// Runs <c>concurrency</c> conversations at once, each strictly sequential, each one whole planning script
/// after another, until <c>duration</c> has passed and every started conversation has ended.
/// </summary>
public static class LoadRun
{
    private static int runs;

    public static async Task<(RunResult Result, ConversationResult? Sample)> RunAsync(HttpClient http, BotProcess bot, DeliveryMode mode, ConnectorStub connector, bool followsCards, int concurrency, TimeSpan duration)
    {
        var run = Interlocked.Increment(ref runs).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        bot.ResetPeakMemory();
        var cpuBefore = bot.CpuMilliseconds();
        var delivered = connector.Received;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var results = new List<ConversationResult>();
            for (var sequence = 0; results.Count == 0 || clock.Elapsed < duration; sequence++)
            {
                var id = string.Create(CultureInfo.InvariantCulture, $"{run}-{worker}-{sequence}");
                results.Add(await new Conversation(http, bot, mode, connector, followsCards, id).RunAsync(CancellationToken.None));
            }

            return results;
        }).ToList();
        var conversations = (await Task.WhenAll(workers)).SelectMany(r => r).ToList();
        if (Environment.GetEnvironmentVariable("BENCH_STEPS") is not null)
        {
            for (var step = 0; step < Script.Planning.Count; step++)
            {
                var at = conversations.Where(c => c.TurnMilliseconds.Count > step).Select(c => c.TurnMilliseconds[step]).Order().ToArray();
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bot.Name} step {step,2} {Script.Planning[step].GetType().Name,-8} p50 {Percentile(at, 0.5),7:0.0} p90 {Percentile(at, 0.9),7:0.0} p99 {Percentile(at, 0.99),7:0.0}"));
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = bot.CpuMilliseconds() - cpuBefore;
        var times = conversations.SelectMany(c => c.TurnMilliseconds).Order().ToArray();
        var replies = conversations.Sum(c => c.Replies);
        var result = new RunResult(
            mode,
            bot.Name,
            concurrency,
            times.Length,
            seconds,
            Percentile(times, 0.50),
            Percentile(times, 0.99),
            cpu / times.Length,
            bot.PeakMemoryMegabytes(),
            (double)replies / times.Length,
            conversations.Count(c => c.Completed),
            conversations.Count(c => !c.Completed),
            replies,
            mode == DeliveryMode.Connector ? connector.Received - delivered : 0);
        return (result, conversations.FirstOrDefault(c => c.Completed));
    }

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
