namespace Samskapelse.Tests.Support;

/// <summary>A SQLite file in a fresh temporary folder, removed after the test.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("samskapelse-tests-").FullName;

    public string Path => System.IO.Path.Combine(folder, "state", "bot.db");

    /// <summary>The database file (""), its write-ahead log ("-wal") or its shared-memory index ("-shm"), as it is on disk; empty when absent.</summary>
    public byte[] RawBytes(string suffix)
    {
        var path = Path + suffix;
        if (!File.Exists(path))
        {
            return [];
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        file.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The traces found anywhere in the bytes of the database, its log or its index, as "trace in bot.db-wal".</summary>
    public IReadOnlyList<string> TracesOnDisk(IEnumerable<string> traces)
    {
        var files = new[] { string.Empty, "-wal", "-shm" }.Select(suffix => (Suffix: suffix, Bytes: RawBytes(suffix))).ToList();
        return [.. from trace in traces
                   from file in files
                   where file.Bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(trace)) >= 0
                   select $"'{trace}' in bot.db{file.Suffix}"];
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
