using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace Samskapelse.Tests.Support;

/// <summary>
/// The built bot (src/Samskapelse.Bot's output) as its own process on a loopback port the system
/// picks, as it runs in production, reached over HTTP the way Teams reaches it. Stopped on dispose.
/// </summary>
public sealed partial class BotProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly HttpClient client;

    private BotProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    /// <summary>What the process wrote so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Starts the bot in Development, with authentication off and the given settings, and waits until it listens.</summary>
    public static async Task<BotProcess> StartAsync(params (string Key, string Value)[] settings)
    {
        var folder = BotOutputFolder();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var argument in new[] { Path.Combine(folder, "Samskapelse.Bot.dll"), "--urls", "http://127.0.0.1:0", "--MicrosoftAppId=", "--Documents:SigningKey=" + TestSigningKey.Base64 })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the bot");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        void Collect(string? line)
        {
            if (line is null)
            {
                listening.TrySetException(new InvalidOperationException("The bot stopped before listening:\n" + log));
                return;
            }

            lock (log)
            {
                log.AppendLine(line);
            }

            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }

        process.OutputDataReceived += (_, line) => Collect(line.Data);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                Collect(line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(45));
            var bot = new BotProcess(process, address);
            lock (log)
            {
                bot.output.Append(log);
            }

            process.OutputDataReceived += (_, line) => bot.Append(line.Data);
            process.ErrorDataReceived += (_, line) => bot.Append(line.Data);
            return bot;
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Posts an activity to /api/messages and returns the activities of an expectReplies response, or the invoke response body.</summary>
    public async Task<JObject> PostAsync(JObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The bot at {Address} answered {(int)response.StatusCode}: {body}\n{Output}");
        }

        return JObject.Parse(body);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>src/Samskapelse.Bot/bin/{configuration}/{framework}, the same build as this test assembly's.</summary>
    private static string BotOutputFolder()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var folder = Path.Combine(NodeTools.RepositoryRoot, "src", "Samskapelse.Bot", "bin", configuration, framework);
        if (!File.Exists(Path.Combine(folder, "Samskapelse.Bot.dll")))
        {
            throw new InvalidOperationException($"The bot is not built at {folder}: build Samskapelse.Bot.sln first.");
        }

        return folder;
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
