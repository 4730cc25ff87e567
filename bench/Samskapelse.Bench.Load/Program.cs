using System.Globalization;
using System.Runtime.InteropServices;
using Samskapelse.Bench.Connector;
using Samskapelse.Bench.Load;

// dotnet Samskapelse.Bench.Load.dll --bot <Samskapelse.Bot.dll> --echo <Samskapelse.Bench.EchoBot.dll>
//   [--out artifacts/bench] [--conversations 1,8,32,128] [--seconds 8] [--warmup 20] [--modes expectReplies,connector] [--bot-setting Key=Value]...
var options = Options.Parse(args);
Directory.CreateDirectory(options.Out);
var data = Directory.CreateTempSubdirectory("samskapelse-bench-");
var database = Path.Combine(data.FullName, "bot.db");
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    Timeout = TimeSpan.FromMinutes(2),
};
await using var connector = await ConnectorStub.StartAsync();
var development = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development", ["DOTNET_ENVIRONMENT"] = "Development" };
var botSettings = new Dictionary<string, string>(development)
{
    // Authentication off (Development only): no token is fetched, so connector mode measures the bot and the connector.
    ["MicrosoftAppId"] = string.Empty,
    ["Storage__Provider"] = "Sqlite",
    ["Storage__SqlitePath"] = database,
    // The stub is not Teams: holding each thread to Teams' 7 sends a second would measure that limit, not the bot.
    ["Resilience__PaceSends"] = "false",
};
foreach (var (key, value) in options.BotSettings)
{
    botSettings[key] = value;
}

Console.Error.WriteLine($"Starting the bot and the echo bots; the bot's state goes to {database}.");
using var bot = await BotProcess.StartAsync(Report.Bot, options.Bot, botSettings, [], http);
using var echo = await BotProcess.StartAsync(Report.Echo, options.Echo, development, [], http);
using var stock = await BotProcess.StartAsync(Report.StockEcho, options.Echo, development, ["--stock"], http);

var results = new List<RunResult>();
ConversationResult? sample = null;
foreach (var mode in options.Modes)
{
    var bots = mode == DeliveryMode.Connector ? new[] { bot, echo, stock } : [bot, echo];
    foreach (var target in bots)
    {
        // Warm-up, not counted: JIT, tiered compilation, connection pools, SQLite's pages. Long enough for the runtime to
        // finish compiling the hot code at its optimised tier (it compiles in the background after 30 calls): in
        // 2 s the JIT still took a sixth of the bot's CPU during the measured run that followed.
        await LoadRun.RunAsync(http, target, mode, connector, target == bot, concurrency: 8, options.WarmUp);
    }

    foreach (var conversations in options.Conversations)
    {
        // Alternating: each bot in turn at the same load, so a busy moment on the machine hits them alike.
        foreach (var target in bots)
        {
            var (result, completed) = await LoadRun.RunAsync(http, target, mode, connector, target == bot, conversations, options.Duration);
            results.Add(result);
            if (target == bot && completed is not null && (sample is null || conversations == Report.TargetConversations))
            {
                sample = completed;
            }

            if (result.Failed > 0)
            {
                Console.Error.WriteLine($"{target.Name}: {result.Failed} conversations failed; the end of its log:\n{target.OutputTail()}");
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{mode,-13} {conversations,4} conv. {result.Bot,-10} {result.TurnsPerSecond,7:0} turns/s  p50 {result.P50,7:0.0} ms  p99 {result.P99,7:0.0} ms  CPU {result.CpuMsPerTurn,6:0.00} ms/turn  peak {result.PeakMemoryMb,5:0} MB  done {result.Completed}, failed {result.Failed}"));
        }
    }
}

var state = sample is null ? null : StateSize.Measure(database, sample);
var setting = string.Create(CultureInfo.InvariantCulture,
    $"{Environment.ProcessorCount} CPU cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC. ")
    + $"Each conversation is the whole guided planning script ({Script.Planning.Count} turns: the install, "
    + $"{Script.Planning.Count(s => s is Say)} typed messages and {Script.Planning.Count(s => s is Press)} Action.Submit presses, to the four summary cards), "
    + $"one turn after another; each bot is first warmed up for {options.WarmUp.TotalSeconds:0} s (not counted: until the runtime has compiled its hot code at the optimised tier), then each run lasts at least {options.Duration.TotalSeconds:0} s. The bot runs on SQLite, the echo bots on MemoryStorage; "
    + "CPU is the bot process's user + system time from /proc, divided by the turns; peak memory is its VmHWM during the run.";
var markdown = Report.Markdown(results, state, setting);
await File.WriteAllTextAsync(Path.Combine(options.Out, "load.md"), markdown);
await File.WriteAllTextAsync(Path.Combine(options.Out, "load.svg"), Report.Svg(results));
Console.WriteLine(markdown);

bot.Dispose();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
data.Delete(recursive: true);
return Report.Targets(results, state).Any(t => t.Met == false) ? 1 : 0;

internal sealed record Options(string Bot, string Echo, string Out, IReadOnlyList<int> Conversations, TimeSpan Duration, TimeSpan WarmUp, IReadOnlyList<DeliveryMode> Modes, IReadOnlyList<(string Key, string Value)> BotSettings)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        return new Options(
            Value("--bot") ?? throw new ArgumentException("--bot <path to Samskapelse.Bot.dll> is required."),
            Value("--echo") ?? throw new ArgumentException("--echo <path to Samskapelse.Bench.EchoBot.dll> is required."),
            Value("--out") ?? Path.Combine("artifacts", "bench"),
            (Value("--conversations") ?? "1,8,32,128").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList(),
            TimeSpan.FromSeconds(double.Parse(Value("--seconds") ?? "8", CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Value("--warmup") ?? "20", CultureInfo.InvariantCulture)),
            (Value("--modes") ?? "expectReplies,connector").Split(',').Select(m => Enum.Parse<DeliveryMode>(m, ignoreCase: true)).ToList(),
            // "--bot-setting Storage__Provider=Memory" (repeatable): a setting for the bot's process, to compare configurations.
            [.. args.Select((a, i) => (a, i)).Where(p => p.a == "--bot-setting" && p.i + 1 < args.Length).Select(p => args[p.i + 1].Split('=', 2)).Select(kv => (kv[0], kv.Length > 1 ? kv[1] : string.Empty))]);
    }
}
