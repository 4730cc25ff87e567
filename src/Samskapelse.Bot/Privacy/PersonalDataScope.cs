namespace Samskapelse.Bot.Privacy;

/// <summary>
/// Where a person's state lives besides the store-wide search: the channel (user state key) and their
/// personal chat (conversation state key). It rides in the subject field of the signed download link.
/// </summary>
public sealed record PersonalDataScope(string ChannelId, string ConversationId)
{
    private const char Separator = '\t';

    public string UserStateKey(string userId) => $"{ChannelId}/users/{userId}";

    public string ConversationStateKey => $"{ChannelId}/conversations/{ConversationId}";

    public string Encode() => ChannelId + Separator + ConversationId;

    public static PersonalDataScope? Decode(string? text) =>
        text?.Split(Separator) is [var channel, var conversation] && channel.Length > 0 && conversation.Length > 0 ? new PersonalDataScope(channel, conversation) : null;
}
