using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Teams;

namespace Samskapelse.Bot.Planning;

/// <summary>
/// The keys of conversation and user state with the tenant in them:
/// <c>{channelId}/tenants/{tenantId}/conversations/{conversationId}</c> and <c>{channelId}/tenants/{tenantId}/users/{userId}</c>.
/// An activity that names no tenant (the emulator without Teams channel data, tests) keeps Bot Builder's keys,
/// <c>{channelId}/conversations/{id}</c> and <c>{channelId}/users/{id}</c>, which are also where state written
/// before the tenant went into the keys lives.
/// </summary>
public static class TenantStateKeys
{
    public static string Conversation(string channelId, string? tenantId, string conversationId) =>
        string.IsNullOrEmpty(tenantId) ? $"{channelId}/conversations/{conversationId}" : $"{channelId}/tenants/{tenantId}/conversations/{conversationId}";

    public static string User(string channelId, string? tenantId, string userId) =>
        string.IsNullOrEmpty(tenantId) ? $"{channelId}/users/{userId}" : $"{channelId}/tenants/{tenantId}/users/{userId}";

    internal static (string ChannelId, string? TenantId) Of(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var channelId = turnContext.Activity.ChannelId;
        if (string.IsNullOrEmpty(channelId))
        {
            throw new InvalidOperationException("The activity has no channel id: no state key can be built.");
        }

        return (channelId, TenantBoundary.TenantOf(turnContext.Activity));
    }
}

/// <summary>Conversation state under a key with the tenant in it; state found under the old key is taken over (<see cref="LegacyStateAdoption"/>).</summary>
public sealed class TenantConversationState(IStorage storage) : ConversationState(storage)
{
    private readonly LegacyStateAdoption adoption = new(storage, nameof(TenantConversationState));

    public override async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        var loads = force || GetCachedState(turnContext) is null;
        await base.LoadAsync(turnContext, force, cancellationToken).ConfigureAwait(false);
        if (loads)
        {
            await adoption.AdoptAsync(turnContext, GetCachedState(turnContext)?.State, LegacyKey(turnContext), cancellationToken).ConfigureAwait(false);
        }
    }

    public override async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        await base.SaveChangesAsync(turnContext, force, cancellationToken).ConfigureAwait(false);
        await adoption.ForgetAdoptedAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    public override async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await adoption.DeleteLegacyAsync(turnContext, LegacyKey(turnContext), cancellationToken).ConfigureAwait(false);
    }

    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var (channelId, tenantId) = TenantStateKeys.Of(turnContext);
        return TenantStateKeys.Conversation(channelId, tenantId, ConversationId(turnContext));
    }

    private static string ConversationId(ITurnContext turnContext) =>
        turnContext.Activity.Conversation?.Id is { Length: > 0 } id ? id : throw new InvalidOperationException("The activity has no conversation id: no state key can be built.");

    private static string? LegacyKey(ITurnContext turnContext)
    {
        var (channelId, tenantId) = TenantStateKeys.Of(turnContext);
        return tenantId is null ? null : TenantStateKeys.Conversation(channelId, null, ConversationId(turnContext));
    }
}

/// <summary>User state under a key with the tenant in it; state found under the old key is taken over (<see cref="LegacyStateAdoption"/>).</summary>
public sealed class TenantUserState(IStorage storage) : UserState(storage)
{
    private readonly LegacyStateAdoption adoption = new(storage, nameof(TenantUserState));

    public override async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        var loads = force || GetCachedState(turnContext) is null;
        await base.LoadAsync(turnContext, force, cancellationToken).ConfigureAwait(false);
        if (loads)
        {
            await adoption.AdoptAsync(turnContext, GetCachedState(turnContext)?.State, LegacyKey(turnContext), cancellationToken).ConfigureAwait(false);
        }
    }

    public override async Task SaveChangesAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        await base.SaveChangesAsync(turnContext, force, cancellationToken).ConfigureAwait(false);
        await adoption.ForgetAdoptedAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    public override async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await adoption.DeleteLegacyAsync(turnContext, LegacyKey(turnContext), cancellationToken).ConfigureAwait(false);
    }

    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var (channelId, tenantId) = TenantStateKeys.Of(turnContext);
        return TenantStateKeys.User(channelId, tenantId, UserId(turnContext));
    }

    private static string UserId(ITurnContext turnContext) =>
        turnContext.Activity.From?.Id is { Length: > 0 } id ? id : throw new InvalidOperationException("The activity has no sender id: no state key can be built.");

    private static string? LegacyKey(ITurnContext turnContext)
    {
        var (channelId, tenantId) = TenantStateKeys.Of(turnContext);
        return tenantId is null ? null : TenantStateKeys.User(channelId, null, UserId(turnContext));
    }
}

/// <summary>
/// Moves state written before the tenant went into the keys: when a turn finds nothing under its new key, the
/// old key's properties are taken into the turn's state, so the end of the turn writes them under the new key,
/// and then the old item is deleted. Users keep their plans and their place in the conversation; nothing has
/// to run at start-up, and each item moves the first time its owner comes back. The old key names the same user
/// or conversation (Teams ids are unique across tenants), so nothing of another tenant can be taken over.
/// </summary>
internal sealed class LegacyStateAdoption(IStorage storage, string name)
{
    private readonly string adoptedKey = "Samskapelse.LegacyState." + name;

    public async Task AdoptAsync(ITurnContext turnContext, IDictionary<string, object>? state, string? legacyKey, CancellationToken cancellationToken)
    {
        if (legacyKey is null || state is null || state.Keys.Any(k => !IsETag(k)))
        {
            return;
        }

        var items = await storage.ReadAsync([legacyKey], cancellationToken).ConfigureAwait(false);
        if (!items.TryGetValue(legacyKey, out var legacy) || legacy is null)
        {
            return;
        }

        var properties = legacy switch
        {
            IDictionary<string, object> dictionary => dictionary.Where(p => !IsETag(p.Key)).ToList(),
            JObject json => [.. json.Properties().Where(p => !IsETag(p.Name)).Select(p => new KeyValuePair<string, object>(p.Name, p.Value))],
            _ => [.. JObject.FromObject(legacy).Properties().Where(p => !IsETag(p.Name)).Select(p => new KeyValuePair<string, object>(p.Name, p.Value))],
        };
        foreach (var (key, value) in properties)
        {
            state[key] = value;
        }

        if (properties.Count > 0)
        {
            turnContext.TurnState[adoptedKey] = legacyKey;
        }
    }

    /// <summary>After the turn's state was saved under the new key: the old item goes.</summary>
    public async Task ForgetAdoptedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.TurnState.Get<string>(adoptedKey) is { } legacyKey)
        {
            await storage.DeleteAsync([legacyKey], cancellationToken).ConfigureAwait(false);
            turnContext.TurnState.Remove(adoptedKey);
        }
    }

    public async Task DeleteLegacyAsync(ITurnContext turnContext, string? legacyKey, CancellationToken cancellationToken)
    {
        turnContext.TurnState.Remove(adoptedKey);
        if (legacyKey is not null)
        {
            await storage.DeleteAsync([legacyKey], cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsETag(string key) => string.Equals(key, "eTag", StringComparison.OrdinalIgnoreCase);
}
