using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Samskapelse.Bot.Storage;

/// <summary>
/// A Bot Framework <see cref="IStorage"/> on Azure Blob Storage, shared by every instance of the bot:
/// one JSON blob per key (names from <see cref="BlobKeyNames"/>). <see cref="IStoreItem"/> ETags are the
/// blobs' own, checked by the service: a known ETag writes with If-Match, a null ETag (a new item)
/// with If-None-Match, "*" unconditionally; a refused condition is an <see cref="ETagConflictException"/>.
/// Plain values (Bot Framework state) are last-write-wins, as in the SDK's stores.
/// Unlike SQLite, a write of several keys is not atomic (each blob is checked on its own), and a write
/// with an ETag to a key deleted meanwhile is a conflict rather than a re-creation.
/// </summary>
public sealed partial class BlobStorage : IStorage, IStorageKeyListing
{
    private const int Parallelism = 16;
    private const string StoreItemMetadata = "storeitem";
    private const string KeyMetadata = "key";

    private readonly BlobContainerClient container;
    private readonly ILogger<BlobStorage> logger;
    private readonly Lock gate = new();
    private Task? containerReady;

    public BlobStorage(BlobContainerClient container, ILogger<BlobStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(container);
        this.container = container;
        this.logger = logger;
        LogSelected(logger, container.Name, container.AccountName);
    }

    public static bool IsValidContainerName(string? name) =>
        name is { Length: >= 3 and <= 63 } && ContainerName().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal);

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);
        if (keys.Length > 0)
        {
            await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
            await Parallel.ForEachAsync(keys.Distinct(StringComparer.Ordinal), Options(cancellationToken), async (key, token) =>
            {
                if (await ReadOneAsync(key, token).ConfigureAwait(false) is { } value)
                {
                    found[key] = value;
                }
            }).ConfigureAwait(false);
        }

        return new Dictionary<string, object>(found, StringComparer.Ordinal);
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(changes, Options(cancellationToken), (change, token) => new ValueTask(WriteOneAsync(change.Key, change.Value, token))).ConfigureAwait(false);
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            return;
        }

        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(keys.Distinct(StringComparer.Ordinal), Options(cancellationToken), async (key, token) =>
            await container.GetBlobClient(BlobKeyNames.BlobName(key).Name).DeleteIfExistsAsync(cancellationToken: token).ConfigureAwait(false)).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<StoredKey> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var namePrefix = BlobKeyNames.Encode(prefix);

        // Shortened names keep only their first part, so a long prefix is matched on the decoded key.
        var searched = namePrefix.Length > BlobKeyNames.KeptLength ? namePrefix[..BlobKeyNames.KeptLength] : namePrefix;
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, searched, cancellationToken).ConfigureAwait(false))
        {
            var key = KeyOf(blob);
            if (key is not null && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return new StoredKey(key, blob.Properties.LastModified ?? DateTimeOffset.MinValue);
            }
        }
    }

    private static string? KeyOf(BlobItem blob)
    {
        if (!BlobKeyNames.IsHashed(blob.Name))
        {
            return BlobKeyNames.Decode(blob.Name);
        }

        return blob.Metadata is not null && blob.Metadata.TryGetValue(KeyMetadata, out var encoded) ? BlobKeyNames.Decode(encoded) : null;
    }

    private async Task<object?> ReadOneAsync(string key, CancellationToken cancellationToken)
    {
        BlobDownloadResult download;
        try
        {
            download = (await container.GetBlobClient(BlobKeyNames.BlobName(key).Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }

        using var text = new StreamReader(download.Content.ToStream());
        using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None };
        var token = await JToken.ReadFromAsync(json, cancellationToken).ConfigureAwait(false);
        if (token is JObject item && download.Details.Metadata.ContainsKey(StoreItemMetadata))
        {
            item[nameof(IStoreItem.ETag)] = download.Details.ETag.ToString();
        }

        return token;
    }

    private async Task WriteOneAsync(string key, object value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (name, hashed) = BlobKeyNames.BlobName(key);
        var blob = container.GetBlobClient(name);
        var json = StorageJson.ToJObject(value);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (hashed)
        {
            metadata[KeyMetadata] = BlobKeyNames.Encode(key);
        }

        BlobRequestConditions? conditions = null;
        if (value is IStoreItem item)
        {
            // The stored JSON never holds an ETag: the blob's own is the truth, added when read.
            json.Remove(nameof(IStoreItem.ETag));
            metadata[StoreItemMetadata] = "true";
            conditions = item.ETag switch
            {
                "*" => null,
                null => new BlobRequestConditions { IfNoneMatch = ETag.All },
                _ => new BlobRequestConditions { IfMatch = new ETag(item.ETag) },
            };
        }

        var content = BinaryData.FromString(json.ToString(Formatting.None));
        try
        {
            await UploadAsync(blob, content, metadata, conditions, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (conditions is not null && exception.Status is 404 or 409 or 412)
        {
            // A new item may replace a plain value (which has no ETag to compare), as in the SDK's stores.
            if (conditions.IfNoneMatch is not null && await PlainValueETagAsync(blob, cancellationToken).ConfigureAwait(false) is { } plain)
            {
                await ReplacePlainValueAsync(blob, content, metadata, plain, key, cancellationToken).ConfigureAwait(false);
                return;
            }

            LogConflict(logger, exception.Status);
            throw new ETagConflictException($"Etag conflict on '{key}': the item changed since it was read.", exception);
        }
    }

    private static async Task ReplacePlainValueAsync(BlobClient blob, BinaryData content, Dictionary<string, string> metadata, ETag plain, string key, CancellationToken cancellationToken)
    {
        try
        {
            await UploadAsync(blob, content, metadata, new BlobRequestConditions { IfMatch = plain }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            throw new ETagConflictException($"Etag conflict on '{key}': the item changed since it was read.", exception);
        }
    }

    private static Task<Response<BlobContentInfo>> UploadAsync(BlobClient blob, BinaryData content, Dictionary<string, string> metadata, BlobRequestConditions? conditions, CancellationToken cancellationToken) =>
        blob.UploadAsync(
            content,
            new BlobUploadOptions
            {
                Conditions = conditions,
                Metadata = metadata,
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" },
            },
            cancellationToken);

    /// <summary>The ETag of the stored blob when it holds a plain value; null when it is an ETag'd item or gone.</summary>
    private static async Task<ETag?> PlainValueETagAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            return properties.Metadata.ContainsKey(StoreItemMetadata) ? null : properties.ETag;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    private Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (containerReady is null || containerReady.IsFaulted || containerReady.IsCanceled)
            {
                containerReady = CreateContainerAsync(cancellationToken);
            }

            return containerReady;
        }
    }

    private async Task CreateContainerAsync(CancellationToken cancellationToken)
    {
        try
        {
            var created = await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            if (created is not null)
            {
                LogContainerCreated(logger, container.Name);
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 403)
        {
            // An identity given a role on the container alone (as infra/ does) may not create containers:
            // the deployment made it, and a missing one shows as ContainerNotFound on the first read.
            LogContainerNotCreated(logger, container.Name, exception.ErrorCode);
        }
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex ContainerName();

    [LoggerMessage(EventId = 2100, EventName = "BlobStorage", Level = LogLevel.Information, Message = "Bot state is kept in the blob container {Container} of the storage account {Account}.")]
    private static partial void LogSelected(ILogger logger, string container, string account);

    [LoggerMessage(EventId = 2101, EventName = "BlobContainerCreated", Level = LogLevel.Information, Message = "Created the blob container {Container} for bot state.")]
    private static partial void LogContainerCreated(ILogger logger, string container);

    [LoggerMessage(EventId = 2103, EventName = "BlobContainerNotCreated", Level = LogLevel.Warning, Message = "Not allowed to create the blob container {Container} ({ErrorCode}); using it as the deployment made it.")]
    private static partial void LogContainerNotCreated(ILogger logger, string container, string? errorCode);

    [LoggerMessage(EventId = 2102, EventName = "BlobWriteConflict", Level = LogLevel.Debug, Message = "A conditional blob write was refused with status {Status}: the item changed since it was read.")]
    private static partial void LogConflict(ILogger logger, int status);
}
