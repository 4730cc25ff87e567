using Samskapelse.Bot.Planning;

namespace Samskapelse.Bot.Privacy;

/// <summary>
/// Where a person's state lives besides the store-wide search: the channel and tenant (user state key) and their
/// personal chat (conversation state key). It rides in the subject field of the signed download link.
/// </summary>
public sealed record PersonalDataScope(string ChannelId, string ConversationId, string? TenantId = null)
{
    private const char Separator = '\t';

    public string UserStateKey(string userId) => TenantStateKeys.User(ChannelId, TenantId, userId);

    public string ConversationStateKey => TenantStateKeys.Conversation(ChannelId, TenantId, ConversationId);

    /// <summary>The keys of state written before the tenant went into the keys (the same as the others without a tenant).</summary>
    public string LegacyUserStateKey(string userId) => TenantStateKeys.User(ChannelId, null, userId);

    public string LegacyConversationStateKey => TenantStateKeys.Conversation(ChannelId, null, ConversationId);

    public string Encode() => ChannelId + Separator + ConversationId + (TenantId is null ? string.Empty : Separator + TenantId);

    public static PersonalDataScope? Decode(string? text) => text?.Split(Separator) switch
    {
        [var channel, var conversation] when channel.Length > 0 && conversation.Length > 0 => new PersonalDataScope(channel, conversation),
        [var channel, var conversation, var tenant] when channel.Length > 0 && conversation.Length > 0 && tenant.Length > 0 => new PersonalDataScope(channel, conversation, tenant),
        _ => null,
    };
}
