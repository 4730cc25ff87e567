using Microsoft.Bot.Builder;
using Samskapelse.Assistant;
using Samskapelse.Bot.Storage;

namespace Samskapelse.Bot.Assistant;

/// <summary>An assistant record as a stored item (<c>assistant/{planId}</c>) with its ETag.</summary>
public sealed class AssistantDocument : IStoreItem
{
    public required AssistantRecord Record { get; init; }

    public string? ETag { get; set; }
}

/// <summary>
/// Each plan's token use and open suggestions in the bot's <see cref="IStorage"/>, beside the plan and
/// with the same optimistic concurrency: the background delivery and the user's clicks may write at once.
/// </summary>
public sealed class AssistantStore(IStorage storage) : IAssistantStore
{
    public const int MaxAttempts = 8;

    public static string Key(string planId) => "assistant/" + planId;

    public async Task<AssistantRecord> GetAsync(string planId, CancellationToken cancellationToken) =>
        (await ReadAsync(planId, cancellationToken).ConfigureAwait(false))?.Record ?? new AssistantRecord();

    public async Task<AssistantRecord> UpdateAsync(string planId, Func<AssistantRecord, AssistantRecord> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var document = await ReadAsync(planId, cancellationToken).ConfigureAwait(false);
            var changed = change(document?.Record ?? new AssistantRecord());
            try
            {
                await storage.WriteAsync(
                    new Dictionary<string, object> { [Key(planId)] = new AssistantDocument { Record = changed, ETag = document?.ETag } },
                    cancellationToken).ConfigureAwait(false);
                return changed;
            }
            catch (Exception exception) when (ETagConflictException.IsConflict(exception) && attempt < MaxAttempts)
            {
                // Someone else wrote first: apply the change again to the fresh record.
            }
        }
    }

    private async Task<AssistantDocument?> ReadAsync(string planId, CancellationToken cancellationToken)
    {
        var items = await storage.ReadAsync([Key(planId)], cancellationToken).ConfigureAwait(false);
        return items.TryGetValue(Key(planId), out var value) ? StorageJson.As<AssistantDocument>(value) : null;
    }
}
