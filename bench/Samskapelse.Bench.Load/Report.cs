using System.Globalization;
using System.Net;
using System.Text;

namespace Samskapelse.Bench.Load;

/// <summary>The markdown table and the SVG chart of a benchmark run.</summary>
public static class Report
{
    public const string Bot = "bot";
    public const string Echo = "echo";
    public const string StockEcho = "stock echo";
    public const int TargetConversations = 32;
    public const long StateLimitBytes = 16 * 1024;

    private static readonly (string Name, string Color)[] Bots = [(Bot, "#2f6db5"), (Echo, "#9aa5b1"), (StockEcho, "#d9822b")];

    public static string Markdown(IReadOnlyList<RunResult> results, StateSize? state, string setting)
    {
        var md = new StringBuilder();
        md.AppendLine("## Load: the bot against a bare Bot Builder echo bot").AppendLine();
        md.AppendLine(setting).AppendLine();
        foreach (var mode in results.Select(r => r.Mode).Distinct())
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"### {Describe(mode)}").AppendLine();
            // In connector mode the stub's own count of what it received shows every reply was delivered.
            var connector = mode == DeliveryMode.Connector;
            md.AppendLine("| conversations | bot | turns | turns/s | p50 ms | p99 ms | CPU ms/turn | peak MB | replies/turn | conversations done / failed |" + (connector ? " replies read / received by the stub |" : string.Empty));
            md.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |" + (connector ? " ---: |" : string.Empty));
            foreach (var r in results.Where(r => r.Mode == mode))
            {
                var delivered = connector ? string.Create(CultureInfo.InvariantCulture, $" {r.Replies} / {r.ConnectorReceived} |") : string.Empty;
                md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Conversations} | {r.Bot} | {r.Turns} | {r.TurnsPerSecond:0} | {r.P50:0.0} | {r.P99:0.0} | {r.CpuMsPerTurn:0.00} | {r.PeakMemoryMb:0} | {r.RepliesPerTurn:0.00} | {r.Completed} / {r.Failed} |{delivered}");
            }

            md.AppendLine().AppendLine(mode == DeliveryMode.Connector
                ? "| conversations | bot/echo turns/s | bot/echo p99 | bot/echo CPU | bot/stock echo turns/s | echo/stock echo turns/s | stock echo CPU ms/turn |"
                : "| conversations | bot/echo turns/s | bot/echo p50 | bot/echo p99 | bot/echo CPU |");
            md.AppendLine(mode == DeliveryMode.Connector ? "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |" : "| ---: | ---: | ---: | ---: | ---: |");
            foreach (var n in results.Where(r => r.Mode == mode).Select(r => r.Conversations).Distinct())
            {
                var bot = Find(results, mode, Bot, n);
                var echo = Find(results, mode, Echo, n);
                if (bot is null || echo is null)
                {
                    continue;
                }

                var stock = Find(results, mode, StockEcho, n);
                md.AppendLine(mode == DeliveryMode.Connector
                    ? string.Create(CultureInfo.InvariantCulture, $"| {n} | {bot.TurnsPerSecond / echo.TurnsPerSecond:0.00} | {bot.P99 / echo.P99:0.00} | {bot.CpuMsPerTurn / echo.CpuMsPerTurn:0.00} | {Ratio(bot.TurnsPerSecond, stock?.TurnsPerSecond)} | {Ratio(echo.TurnsPerSecond, stock?.TurnsPerSecond)} | {stock?.CpuMsPerTurn ?? double.NaN:0.00} |")
                    : string.Create(CultureInfo.InvariantCulture, $"| {n} | {bot.TurnsPerSecond / echo.TurnsPerSecond:0.00} | {bot.P50 / echo.P50:0.00} | {bot.P99 / echo.P99:0.00} | {bot.CpuMsPerTurn / echo.CpuMsPerTurn:0.00} |"));
            }

            md.AppendLine();
        }

        if (state is not null)
        {
            md.AppendLine("### State per conversation (SQLite, after the whole script)").AppendLine();
            md.AppendLine("| item | bytes |").AppendLine("| --- | ---: |");
            foreach (var (key, bytes) in state.Items)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| `{Kind(key)}` | {bytes} |");
            }

            md.AppendLine(CultureInfo.InvariantCulture, $"| total | {state.Total} |").AppendLine();
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"### Targets ({TargetConversations} conversations, SQLite store)").AppendLine();
        md.AppendLine("| target | measured | met |").AppendLine("| --- | ---: | :---: |");
        foreach (var (target, measured, met) in Targets(results, state))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {measured} | {(met is null ? "–" : met.Value ? "yes" : "**no**")} |");
        }

        return md.ToString();
    }

    public static IEnumerable<(string Target, string Measured, bool? Met)> Targets(IReadOnlyList<RunResult> results, StateSize? state)
    {
        var bot = Find(results, DeliveryMode.ExpectReplies, Bot, TargetConversations);
        var echo = Find(results, DeliveryMode.ExpectReplies, Echo, TargetConversations);
        if (bot is not null && echo is not null)
        {
            var cpu = bot.CpuMsPerTurn / echo.CpuMsPerTurn;
            var p99 = bot.P99 / echo.P99;
            yield return ("expectReplies: bot CPU per turn ≤ 1.5× echo's", string.Create(CultureInfo.InvariantCulture, $"{cpu:0.00}× ({bot.CpuMsPerTurn:0.00} / {echo.CpuMsPerTurn:0.00} ms)"), cpu <= 1.5);
            yield return ("expectReplies: bot p99 ≤ 2× echo's", string.Create(CultureInfo.InvariantCulture, $"{p99:0.00}× ({bot.P99:0.0} / {echo.P99:0.0} ms)"), p99 <= 2);
        }

        var connected = Find(results, DeliveryMode.Connector, Bot, TargetConversations);
        var stock = Find(results, DeliveryMode.Connector, StockEcho, TargetConversations);
        if (connected is not null && stock is not null)
        {
            var speed = connected.TurnsPerSecond / stock.TurnsPerSecond;
            yield return ("connector: bot turns/s ≥ 5× the stock echo bot's", string.Create(CultureInfo.InvariantCulture, $"{speed:0.0}× ({connected.TurnsPerSecond:0} / {stock.TurnsPerSecond:0})"), speed >= 5);
        }

        if (state is not null)
        {
            yield return ("state per conversation < 16 KB", string.Create(CultureInfo.InvariantCulture, $"{state.Total / 1024.0:0.0} KB"), state.Total < StateLimitBytes);
        }

        var failed = results.Sum(r => r.Failed);
        var undelivered = results.Where(r => r.Mode == DeliveryMode.Connector).Sum(r => r.ConnectorReceived - r.Replies);
        yield return ("every conversation reached its end; the stub received exactly the replies read", string.Create(CultureInfo.InvariantCulture, $"{failed} failed, {undelivered} unaccounted"), failed == 0 && undelivered == 0);
    }

    /// <summary>Four panels: CPU per turn and turns per second, in each mode, grouped by conversations at once.</summary>
    public static string Svg(IReadOnlyList<RunResult> results)
    {
        const int panelWidth = 460, panelHeight = 260, margin = 20;
        var modes = results.Select(r => r.Mode).Distinct().ToList();
        var svg = new StringBuilder();
        var width = 2 * panelWidth + 3 * margin;
        var height = modes.Count * (panelHeight + margin) + margin + 30;
        svg.AppendLine(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.AppendLine(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>");
        var legendX = margin;
        foreach (var (name, color) in Bots.Where(b => results.Any(r => r.Bot == b.Name)))
        {
            svg.AppendLine(CultureInfo.InvariantCulture, $"<rect x=\"{legendX}\" y=\"10\" width=\"12\" height=\"12\" fill=\"{color}\"/><text x=\"{legendX + 16}\" y=\"20\">{name}</text>");
            legendX += 110;
        }

        for (var row = 0; row < modes.Count; row++)
        {
            var y = 30 + margin + row * (panelHeight + margin);
            var mode = results.Where(r => r.Mode == modes[row]).ToList();
            Panel(svg, margin, y, panelWidth, panelHeight, $"{Describe(modes[row])}: bot CPU ms per turn (lower is better)", mode, r => r.CpuMsPerTurn, "0.0");
            Panel(svg, 2 * margin + panelWidth, y, panelWidth, panelHeight, $"{Describe(modes[row])}: turns per second (higher is better)", mode, r => r.TurnsPerSecond, "0");
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, int x, int y, int width, int height, string title, List<RunResult> results, Func<RunResult, double> value, string format)
    {
        const int top = 24, bottom = 28, left = 8;
        var groups = results.Select(r => r.Conversations).Distinct().ToList();
        var bots = Bots.Where(b => results.Any(r => r.Bot == b.Name)).ToList();
        var max = results.Select(value).Where(double.IsFinite).DefaultIfEmpty(1).Max() * 1.15;
        var plotHeight = height - top - bottom;
        var groupWidth = (width - left) / (double)groups.Count;
        var barWidth = (groupWidth - 16) / bots.Count;
        svg.AppendLine(CultureInfo.InvariantCulture, $"<g transform=\"translate({x},{y})\"><rect width=\"{width}\" height=\"{height}\" fill=\"none\" stroke=\"#ddd\"/>");
        svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{width / 2}\" y=\"16\" text-anchor=\"middle\" font-weight=\"bold\">{WebUtility.HtmlEncode(title)}</text>");
        svg.AppendLine(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - 4}\" y2=\"{height - bottom}\" stroke=\"#444\"/>");
        for (var g = 0; g < groups.Count; g++)
        {
            var gx = left + g * groupWidth + 8;
            svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{gx + (groupWidth - 16) / 2:0.0}\" y=\"{height - 10}\" text-anchor=\"middle\">{groups[g]} conv.</text>");
            for (var b = 0; b < bots.Count; b++)
            {
                var result = results.FirstOrDefault(r => r.Conversations == groups[g] && r.Bot == bots[b].Name);
                if (result is null || !double.IsFinite(value(result)))
                {
                    continue;
                }

                var v = value(result);
                var barHeight = plotHeight * v / max;
                var bx = gx + b * barWidth;
                var by = height - bottom - barHeight;
                svg.AppendLine(CultureInfo.InvariantCulture, $"<rect x=\"{bx:0.0}\" y=\"{by:0.0}\" width=\"{barWidth - 2:0.0}\" height=\"{barHeight:0.0}\" fill=\"{bots[b].Color}\"><title>{bots[b].Name}, {groups[g]} conversations: {v.ToString(format, CultureInfo.InvariantCulture)}</title></rect>");
                svg.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{bx + (barWidth - 2) / 2:0.0}\" y=\"{by - 3:0.0}\" text-anchor=\"middle\" font-size=\"9\">{v.ToString(format, CultureInfo.InvariantCulture)}</text>");
            }
        }

        svg.AppendLine("</g>");
    }

    private static RunResult? Find(IReadOnlyList<RunResult> results, DeliveryMode mode, string bot, int conversations) =>
        results.FirstOrDefault(r => r.Mode == mode && r.Bot == bot && r.Conversations == conversations);

    private static string Ratio(double value, double? baseline) => baseline is > 0 ? (value / baseline.Value).ToString("0.0", CultureInfo.InvariantCulture) + "×" : "–";

    private static string Describe(DeliveryMode mode) => mode == DeliveryMode.ExpectReplies ? "expectReplies" : "connector mode";

    // Keys name the conversation and the user: the table shows what they are, not who.
    private static string Kind(string key) =>
        key.StartsWith("plans/", StringComparison.Ordinal) ? "plans/{id}"
        : key.Contains("/conversations/", StringComparison.Ordinal) ? "msteams/conversations/{id}"
        : key.Contains("/users/", StringComparison.Ordinal) ? "msteams/users/{id}"
        : key.Split('/')[0] + "/…";
}
