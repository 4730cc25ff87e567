namespace Samskapelse.Tests.Support;

/// <summary>A SQLite file in a fresh temporary folder, removed after the test.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("samskapelse-tests-").FullName;

    public string Path => System.IO.Path.Combine(folder, "state", "bot.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
