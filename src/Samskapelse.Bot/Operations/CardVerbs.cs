using System.Collections.Frozen;
using Samskapelse.Coaching;
using Samskapelse.Planning.Conversation;
using Samskapelse.Review;

namespace Samskapelse.Bot.Operations;

/// <summary>
/// The verbs the bot's own cards carry, from the handler registries. A verb is a tag only when it is
/// one of these: anything else in card data came from someone else and is counted as "other".
/// </summary>
public sealed class CardVerbs(IEnumerable<string> verbs)
{
    private readonly FrozenSet<string> known = verbs.ToFrozenSet(StringComparer.Ordinal);

    public static CardVerbs From(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new CardVerbs(
            (services.GetService<PlanningConversation>()?.Verbs ?? [])
                .Concat(services.GetService<ReviewActions>()?.Verbs ?? [])
                .Concat(services.GetService<CoachingConversation>()?.Verbs ?? []));
    }

    public string Tag(string? verb) => verb is not null && known.Contains(verb) ? verb : TelemetryTags.Other;
}
