using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Samskapelse.Bot.Storage;

/// <summary>
/// A durable Bot Framework <see cref="IStorage"/> in one SQLite file, the embedded default.
/// Honours <see cref="IStoreItem"/> ETags like the SDK's stores: a write whose ETag is neither "*"
/// nor the stored one is refused with <see cref="ETagConflictException"/>, checked and written
/// inside one immediate transaction so two writers cannot both win.
/// The file belongs to one process, and SQLite lets one writer in at a time anyway: this process's writes
/// are committed one transaction at a time, those that arrive meanwhile together (<see cref="SqliteGroupCommit"/>),
/// so they never find the database locked (Microsoft.Data.Sqlite sleeps 150 ms before retrying a locked
/// database, which made the slowest turns under load). For the same reason what was read
/// or written last is kept in memory (<see cref="SqliteReadCache"/>), as the written object when nothing in it
/// can change (<see cref="StoredSnapshots"/>); ETags are still checked in the file.
/// Deleted and overwritten items are overwritten with zeros in the file (<c>secure_delete</c>), and
/// <see cref="PurgeDeletedAsync"/> empties the write-ahead log, where earlier versions of pages remain until a checkpoint.
/// </summary>
public sealed class SqliteStorage : IStorage, IStorageKeyListing, IStoragePurge, IDisposable
{
    private readonly string connectionString;
    private readonly TimeProvider time;
    private readonly SqliteGroupCommit writes;
    private readonly SqliteReadCache cache = new();
    private SqliteWriteConnection? writeConnection;

    public SqliteStorage(string path, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        this.time = time;
        writes = new SqliteGroupCommit(CommitAsync);
        CreateSchema();
    }

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        if (keys.Length == 0)
        {
            return result;
        }

        var missing = new List<string>(keys.Length);
        foreach (var key in keys)
        {
            if (!cache.TryGet(key, out var cached))
            {
                missing.Add(key);
            }
            else if (cached is not null)
            {
                result[key] = cached.Snapshot is { } kept ? StoredSnapshots.Give(kept) : Parse(cached.Json!);
            }
        }

        if (missing.Count == 0)
        {
            return result;
        }

        var readAt = cache.Generation;
        var found = missing.Distinct(StringComparer.Ordinal).ToDictionary(key => key, _ => (CachedItem?)null, StringComparer.Ordinal);
        await using (var connection = await OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var command = connection.CreateCommand())
        {
            var names = missing.Select((_, i) => "$k" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            command.CommandText = $"SELECT key, json FROM items WHERE key IN ({string.Join(',', names)})";
            for (var i = 0; i < missing.Count; i++)
            {
                command.Parameters.AddWithValue(names[i], missing[i]);
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var key = reader.GetString(0);
                var json = reader.GetString(1);
                found[key] = new CachedItem(json, Snapshot: null);
                result[key] = Parse(json);
            }
        }

        cache.Fill(readAt, found);
        return result;
    }

    private static JToken Parse(string stored)
    {
        using var text = new StringReader(stored);
        using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(json);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.Count == 0
            ? Task.CompletedTask
            : writes.WriteAsync(new PendingWrite([.. changes.Select(change => new KeyValuePair<string, object?>(change.Key, change.Value))]));
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Length == 0
            ? Task.CompletedTask
            : writes.WriteAsync(new PendingWrite([.. keys.Select(key => new KeyValuePair<string, object?>(key, null))]));
    }

    /// <summary>Commits a batch of callers' writes in one transaction (<see cref="SqliteGroupCommit"/>); an ETag conflict fails its caller only.</summary>
    internal async Task CommitAsync(IReadOnlyList<PendingWrite> batch)
    {
        cache.Forget(batch.SelectMany(pending => pending.Items.Select(item => item.Key)));
        var written = new List<KeyValuePair<string, CachedItem?>>();
        await InTransactionAsync(async connection =>
        {
            foreach (var pending in batch)
            {
                var rows = await PrepareAsync(connection, pending).ConfigureAwait(false);
                foreach (var (key, row) in rows ?? [])
                {
                    if (row is null)
                    {
                        await connection.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false);
                    }
                    else
                    {
                        await connection.UpsertAsync(key, row.ETag, row.Json, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                    }

                    written.Add(new(key, row?.Item));
                }
            }
        }).ConfigureAwait(false);
        cache.Set(written);
    }

    private sealed record Row(string? ETag, string Json, CachedItem Item);

    // Everything a caller's write needs, checked before any of its rows is written: its ETags against the file,
    // its values' JSON. Null (and the caller failed) when one of them does not hold.
    private static async Task<List<KeyValuePair<string, Row?>>?> PrepareAsync(SqliteWriteConnection connection, PendingWrite pending)
    {
        var rows = new List<KeyValuePair<string, Row?>>(pending.Items.Count);
        try
        {
            foreach (var (key, value) in pending.Items)
            {
                if (value is null)
                {
                    rows.Add(new(key, null));
                    continue;
                }

                string? newETag = null;
                if (value is IStoreItem item)
                {
                    var stored = await connection.StoredETagAsync(key, CancellationToken.None).ConfigureAwait(false);
                    if (stored is not null && item.ETag != "*" && item.ETag != stored)
                    {
                        throw new ETagConflictException($"Etag conflict on '{key}': the item changed since it was read.");
                    }

                    newETag = Guid.NewGuid().ToString("N");
                }

                var kept = StoredSnapshots.Take(value, newETag);
                var text = (value, kept) switch
                {
                    // The kept clone carries the new ETag: its JSON is the item's with it.
                    (IStoreItem, IStoreItem clone) => StorageJson.ToJson(clone),
                    (IStoreItem, _) => WithETag(value, newETag!),

                    // Bot state and other ETag-less items: their JSON straight from the object.
                    _ => StorageJson.ToJson(value),
                };
                rows.Add(new(key, new Row(newETag, text, new CachedItem(kept is null ? text : null, kept))));
            }
        }
        catch (Exception exception) when (exception is ETagConflictException or Newtonsoft.Json.JsonException or System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            pending.Failure = exception;
            return null;
        }

        return rows;
    }

    private static string WithETag(object item, string etag)
    {
        var json = StorageJson.ToJObject(item);
        json[nameof(IStoreItem.ETag)] = etag;
        return json.ToString(Formatting.None);
    }

    // One commit at a time (SqliteGroupCommit), never cancelled: it holds other callers' writes too. A failure may
    // have left the connection unusable (the file gone, the disk full): it is closed, and the next commit opens a new one.
    private async Task InTransactionAsync(Func<SqliteWriteConnection, Task> work)
    {
        writeConnection ??= await SqliteWriteConnection.OpenAsync(OpenAsync, CancellationToken.None).ConfigureAwait(false);
        try
        {
            await using var transaction = await writeConnection.BeginAsync(CancellationToken.None).ConfigureAwait(false);
            await work(writeConnection).ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            await writeConnection.DisposeAsync().ConfigureAwait(false);
            writeConnection = null;
            throw;
        }
    }

    public void Dispose()
    {
        writeConnection?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        writeConnection = null;
    }

    /// <summary>
    /// Copies every committed page into the database file and truncates the write-ahead log to nothing, so earlier
    /// versions of deleted items are no longer in any of the store's files. A checkpoint waits for readers on
    /// older snapshots; one that cannot finish (busy) is tried again a few times.
    /// </summary>
    public async Task PurgeDeletedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt32(0) == 0)
            {
                return;
            }
        }

        throw new InvalidOperationException("The SQLite write-ahead log could not be checkpointed: readers kept it busy.");
    }

    public async IAsyncEnumerable<StoredKey> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // substr rather than LIKE: keys may hold % and _, which LIKE would read as wildcards.
        command.CommandText = "SELECT key, updated_at FROM items WHERE substr(key, 1, length($prefix)) = $prefix ORDER BY key";
        command.Parameters.AddWithValue("$prefix", prefix);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredKey(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        // With WAL, NORMAL syncs at checkpoints instead of at every commit: the file cannot be corrupted, and a
        // commit can be lost only to a power cut or an OS crash, never to the process stopping. FULL's sync per
        // commit cost a third of the bot's CPU per turn under load (bench/README.md).
        await using var pragma = connection.CreateCommand();
        // secure_delete: what a deletion or an update frees is overwritten with zeros, so a deleted person's data does
        // not stay readable in free pages of the file.
        pragma.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private void CreateSchema()
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL lets readers go on while one writer commits; the busy timeout makes writers queue instead of failing.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA busy_timeout = 30000;
            CREATE TABLE IF NOT EXISTS items (
                key TEXT PRIMARY KEY NOT NULL,
                etag TEXT NULL,
                json TEXT NOT NULL,
                updated_at INTEGER NOT NULL
            );
            """;
        command.ExecuteNonQuery();
    }
}
