using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Samskapelse.Bench.Load;

/// <summary>
/// A bot under test, started as a child process on a free loopback port, with its CPU time and peak
/// memory read from /proc.
/// </summary>
public sealed class BotProcess : IDisposable
{
    // Linux reports utime and stime in clock ticks of 1/100 s (USER_HZ) on every common architecture.
    private const double MillisecondsPerTick = 10;
    private readonly Process process;
    private readonly StringWriter output;
    private bool disposed;

    private BotProcess(string name, Process process, StringWriter output, Uri baseUrl)
    {
        Name = name;
        this.process = process;
        this.output = output;
        BaseUrl = baseUrl;
    }

    /// <summary>The end of what the process wrote (warnings and errors only), to show why conversations failed.</summary>
    public string OutputTail(int characters = 4000)
    {
        var text = Read(output);
        return text.Length <= characters ? text : text[^characters..];
    }

    public string Name { get; }

    public Uri BaseUrl { get; }

    public Uri Messages => new(BaseUrl, "api/messages");

    public int Id => process.Id;

    /// <summary>Starts "dotnet <paramref name="dll"/>" from its own folder (its content root) and waits until it answers.</summary>
    public static async Task<BotProcess> StartAsync(string name, string dll, IReadOnlyDictionary<string, string> environment, IEnumerable<string> arguments, HttpClient http)
    {
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(dll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.GetFullPath(dll));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_URLS"] = baseUrl.ToString().TrimEnd('/');
        // Both bots log warnings and errors only: the benchmark measures turns, not console output.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var output = new StringWriter();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bot = new BotProcess(name, process, output, baseUrl);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode.ToString(CultureInfo.InvariantCulture)}:\n{Read(output)}");
            }

            try
            {
                using var response = await http.GetAsync(baseUrl);
                if (response.IsSuccessStatusCode)
                {
                    return bot;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        bot.Dispose();
        throw new TimeoutException($"{name} did not answer on {baseUrl} within 90 s:\n{Read(output)}");
    }

    /// <summary>User plus system CPU time the process has used so far, in milliseconds.</summary>
    public double CpuMilliseconds()
    {
        var stat = File.ReadAllText($"/proc/{Id.ToString(CultureInfo.InvariantCulture)}/stat");
        // Fields after the command name, which is in parentheses and may hold spaces: state is field 3, utime 14, stime 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * MillisecondsPerTick;
    }

    /// <summary>Peak resident memory (VmHWM) in MB, since the start or since <see cref="ResetPeakMemory"/>.</summary>
    public double PeakMemoryMegabytes()
    {
        var line = File.ReadLines($"/proc/{Id.ToString(CultureInfo.InvariantCulture)}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <summary>Resets VmHWM to the current resident size, so each run reports its own peak; false where the kernel refuses.</summary>
    public bool ResetPeakMemory()
    {
        try
        {
            File.WriteAllText($"/proc/{Id.ToString(CultureInfo.InvariantCulture)}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringWriter output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.WriteLine(line);
        }
    }

    private static string Read(StringWriter output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
