using Samskapelse.Bot.Hosting;

namespace Samskapelse.Bot.Teams;

/// <summary>
/// Runs the turns of one conversation one at a time. Teams delivers installationUpdate and
/// conversationUpdate together, and a double click sends two submits at once; conversation state
/// is last-write-wins, so without this the second turn would act on, and save over, stale state.
/// The locks are per process: with several instances, what must not be lost or done twice between
/// them (plans, review actions, the welcome) is written as ETag'd store items instead.
/// </summary>
public sealed class ConversationTurnLocks : StripedLocks;
