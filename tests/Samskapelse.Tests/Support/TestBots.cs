using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samskapelse.Bot.Assistant;
using Samskapelse.Bot.Documents;
using Samskapelse.Bot.Hosting;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Review;
using Samskapelse.Bot.Storage;
using Samskapelse.Bot.Teams;
using Samskapelse.Planning.Conversation;
using Samskapelse.Review;

namespace Samskapelse.Tests.Support;

/// <summary>The real bot, wired the way Program.cs wires it, over a given storage.</summary>
public static class TestBots
{
    public static SamskapelseBot Create(IStorage storage, PlanningStateAccessors state, PlanStore plans, TimeProvider time, ConversationTurnLocks? locks = null, PlanLinkIssuer? documents = null, IEnumerable<IPlanningHandler>? handlers = null, AssistantDelivery? assistant = null)
    {
        var shared = new SharedCards(storage, plans, new ReviewActions(ReviewHandlers.All()), state, time, Options.Create(new BotAuthenticationOptions()), NullLogger<SharedCards>.Instance);
        return new SamskapelseBot(new PlanningConversation(handlers ?? PlanningHandlers.All()), state, plans, shared, locks ?? new ConversationTurnLocks(), time, documents, assistant);
    }

    public static SamskapelseBot Create(IStorage storage, TimeProvider time)
    {
        var state = new PlanningStateAccessors(new ConversationState(storage), new UserState(storage));
        return Create(storage, state, new PlanStore(storage, NullLogger<PlanStore>.Instance), time);
    }
}
