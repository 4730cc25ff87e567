namespace Samskapelse.Bot.Storage;

/// <summary>
/// A store that can list its keys under a prefix with the time each item was last written.
/// Retention and a user's data export need it; the Bot Framework's <c>IStorage</c> cannot enumerate.
/// Every store the bot runs on (memory, SQLite, blob) implements it.
/// </summary>
public interface IStorageKeyListing
{
    IAsyncEnumerable<StoredKey> ListAsync(string prefix, CancellationToken cancellationToken = default);
}

/// <summary>One stored key and when its item was last written (the store's clock).</summary>
public sealed record StoredKey(string Key, DateTimeOffset LastWritten);

public static class StorageKeyListing
{
    /// <summary>The store's listing; a store without one fails here, when listing is needed, not when the bot is built.</summary>
    public static IStorageKeyListing Of(Microsoft.Bot.Builder.IStorage storage) =>
        storage as IStorageKeyListing ?? throw new NotSupportedException($"The store {storage?.GetType().Name} cannot list its keys: the privacy export, deletion and retention need {nameof(IStorageKeyListing)}.");
}

/// <summary>
/// A store that keeps copies of deleted items in its own files until told otherwise (SQLite's write-ahead log):
/// after a person's data is deleted, <see cref="PurgeDeletedAsync"/> makes the deletion final in the files.
/// </summary>
public interface IStoragePurge
{
    Task PurgeDeletedAsync(CancellationToken cancellationToken = default);
}
