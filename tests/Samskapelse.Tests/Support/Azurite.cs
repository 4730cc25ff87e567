using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;

namespace Samskapelse.Tests.Support;

/// <summary>
/// Azurite's blob service on loopback for the tests that need Azure Blob Storage: the one named by
/// AZURITE_BLOB_ENDPOINT (e.g. http://127.0.0.1:10000/devstoreaccount1, which .ci/run starts), or
/// else one started here from tests/node/node_modules on a port the system picks, in memory, and
/// stopped when the collection ends. Each test takes its own container.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    public const string EndpointVariable = "AZURITE_BLOB_ENDPOINT";

    // Azurite's well-known development account (public, documented by Microsoft; not a secret).
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? process;
    private int containers;

    public string BlobEndpoint { get; private set; } = string.Empty;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};";

    /// <summary>A container name no other test uses (created by the store on first use).</summary>
    public string NewContainerName(string label) =>
        string.Create(CultureInfo.InvariantCulture, $"{label}-{Environment.ProcessId}-{Interlocked.Increment(ref containers)}");

    public BlobContainerClient Container(string name) => new(ConnectionString, name);

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EndpointVariable);
        BlobEndpoint = string.IsNullOrWhiteSpace(configured) ? await StartAsync() : configured.TrimEnd('/');

        // Answers before any test runs: a configured endpoint that is down fails here, clearly.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await new BlobServiceClient(ConnectionString).GetPropertiesAsync(timeout.Token);
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        process?.Dispose();
        return Task.CompletedTask;
    }

    private async Task<string> StartAsync()
    {
        var main = Path.Combine(NodeTools.NodeFolder, "node_modules", "azurite", "dist", "src", "blob", "main.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException($"Azurite is missing ({main}): run 'npm ci' in tests/node (eng/test.sh does), or set {EndpointVariable}.");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = Path.GetTempPath(), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { main, "--blobHost", "127.0.0.1", "--blobPort", "0", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose" })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("node did not start Azurite");
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                listening.TrySetException(new InvalidOperationException("Azurite stopped before listening: " + output));
                return;
            }

            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (ListeningLine().Match(line.Data) is { Success: true } match)
            {
                listening.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var port = await listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/{AccountName}");
    }

    [GeneratedRegex(@"listens on http://127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();
}

[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
