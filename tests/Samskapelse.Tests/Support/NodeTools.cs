using System.Diagnostics;

namespace Samskapelse.Tests.Support;

/// <summary>Runs the Node-side checks in tests/node (installed by the test script with npm ci).</summary>
public static class NodeTools
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string NodeFolder => Path.Combine(RepositoryRoot, "tests", "node");

    public static (int ExitCode, string Output, string Error) Run(string script, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(NodeFolder, "node_modules", "adaptivecards")))
        {
            throw new InvalidOperationException("tests/node/node_modules is missing: run 'npm ci' in tests/node (the test script does).");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = NodeFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish in two minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Samskapelse.Bot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root from " + AppContext.BaseDirectory);
    }
}
