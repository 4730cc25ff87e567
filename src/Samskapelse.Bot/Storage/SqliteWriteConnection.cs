using Microsoft.Data.Sqlite;

namespace Samskapelse.Bot.Storage;

/// <summary>
/// The store's one connection for writing, opened once with its statements prepared once (a turn writes two
/// or three times; opening a pooled connection and preparing each statement every time cost more than the
/// writes). Used only under <see cref="SqliteStorage"/>'s write lock, so never by two writers at once.
/// </summary>
internal sealed class SqliteWriteConnection : IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly SqliteCommand readETag;
    private readonly SqliteCommand upsert;
    private readonly SqliteCommand delete;

    private SqliteWriteConnection(SqliteConnection connection)
    {
        this.connection = connection;
        readETag = Command("SELECT etag FROM items WHERE key = $key", "$key");
        upsert = Command(
            "INSERT INTO items(key, etag, json, updated_at) VALUES ($key, $etag, $json, $now) " +
            "ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, json = excluded.json, updated_at = excluded.updated_at",
            "$key", "$etag", "$json", "$now");
        delete = Command("DELETE FROM items WHERE key = $key", "$key");
    }

    public static async Task<SqliteWriteConnection> OpenAsync(Func<CancellationToken, Task<SqliteConnection>> open, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        return new SqliteWriteConnection(await open(cancellationToken).ConfigureAwait(false));
    }

    public async Task<SqliteTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        readETag.Transaction = upsert.Transaction = delete.Transaction = transaction;
        return transaction;
    }

    public async Task<string?> StoredETagAsync(string key, CancellationToken cancellationToken)
    {
        readETag.Parameters[0].Value = key;
        return await readETag.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public Task UpsertAsync(string key, string? etag, string json, DateTimeOffset now, CancellationToken cancellationToken)
    {
        upsert.Parameters[0].Value = key;
        upsert.Parameters[1].Value = (object?)etag ?? DBNull.Value;
        upsert.Parameters[2].Value = json;
        upsert.Parameters[3].Value = now.ToUnixTimeMilliseconds();
        return upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        delete.Parameters[0].Value = key;
        return delete.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await readETag.DisposeAsync().ConfigureAwait(false);
        await upsert.DisposeAsync().ConfigureAwait(false);
        await delete.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private SqliteCommand Command(string text, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        return command;
    }
}
