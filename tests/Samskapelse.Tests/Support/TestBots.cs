using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samskapelse.Bot.Assistant;
using Samskapelse.Bot.Coaching;
using Samskapelse.Bot.Documents;
using Samskapelse.Bot.Hosting;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Privacy;
using Samskapelse.Bot.Review;
using Samskapelse.Bot.Storage;
using Samskapelse.Bot.Teams;
using Samskapelse.Coaching;
using Samskapelse.Planning.Conversation;
using Samskapelse.Review;

namespace Samskapelse.Tests.Support;

/// <summary>The real bot, wired the way Program.cs wires it, over a given storage.</summary>
public static class TestBots
{
    public static SamskapelseBot Create(IStorage storage, PlanningStateAccessors state, PlanStore plans, TimeProvider time, ConversationTurnLocks? locks = null, PlanLinkIssuer? documents = null, IEnumerable<IPlanningHandler>? handlers = null, AssistantDelivery? assistant = null, CoachingDesk? coaching = null, PrivacyDesk? privacy = null)
    {
        return new SamskapelseBot(new PlanningConversation(handlers ?? PlanningHandlers.All()), state, plans, SharedCards(storage, state, plans, time, documents), locks ?? new ConversationTurnLocks(), time, documents, assistant, coaching, privacy);
    }

    public static SharedCards SharedCards(IStorage storage, PlanningStateAccessors state, PlanStore plans, TimeProvider time, PlanLinkIssuer? documents = null) =>
        new(storage, plans, new ReviewActions(ReviewHandlers.All()), state, time, Options.Create(new BotAuthenticationOptions()), NullLogger<SharedCards>.Instance, documents);

    /// <summary>The coaching desk as AddCoaching wires it; proactive messages go through <paramref name="adapter"/>.</summary>
    public static CoachingDesk Coaching(IStorage storage, PlanningStateAccessors state, PlanStore plans, TimeProvider time, BotAdapter adapter, CoachingOptions options, TenantBoundary? tenants = null)
    {
        var people = new PeopleDirectory(storage, Options.Create(options), NullLogger<PeopleDirectory>.Instance, time, tenants);
        var authentication = Options.Create(new BotAuthenticationOptions { MicrosoftAppId = "11111111-2222-3333-4444-555555555555" });
        var sender = new ProactiveSender(() => adapter, people, authentication, NullLogger<ProactiveSender>.Instance);
        return new CoachingDesk(new CoachingConversation(CoachingHandlers.All()), new CoachingStore(storage, NullLogger<CoachingStore>.Instance), people, sender, state, plans, authentication, time, NullLogger<CoachingDesk>.Instance);
    }

    public static SamskapelseBot Create(IStorage storage, TimeProvider time)
    {
        var state = new PlanningStateAccessors(new ConversationState(storage), new UserState(storage));
        return Create(storage, state, new PlanStore(storage, time, NullLogger<PlanStore>.Instance), time);
    }
}
