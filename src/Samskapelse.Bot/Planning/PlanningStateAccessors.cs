using Microsoft.Bot.Builder;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Bot.Planning;

/// <summary>
/// The state property accessors, created once. Keys in storage (with the tenant in them, see <see cref="TenantStateKeys"/>):
/// <c>{channelId}/tenants/{tenantId}/conversations/{conversationId}</c> holds "planning" (the position in the guided
/// conversation), <c>{channelId}/tenants/{tenantId}/users/{userId}</c> holds "profile" (language and the user's plan ids).
/// Plans themselves are separate items (<c>plans/{planId}</c>) with ETags.
/// </summary>
public sealed class PlanningStateAccessors(ConversationState conversationState, UserState userState)
{
    public const string SessionProperty = "planning";
    public const string ProfileProperty = "profile";

    public ConversationState ConversationState { get; } = conversationState;

    public UserState UserState { get; } = userState;

    public IStatePropertyAccessor<PlanningSession> Session { get; } = conversationState.CreateProperty<PlanningSession>(SessionProperty);

    public IStatePropertyAccessor<PlannerProfile> Profile { get; } = userState.CreateProperty<PlannerProfile>(ProfileProperty);

    public async Task SaveAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await ConversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        await UserState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
    }
}
