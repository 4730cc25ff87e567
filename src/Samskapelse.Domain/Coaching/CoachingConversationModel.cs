using System.Collections.Immutable;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Coaching;

/// <summary>The verbs of coaching cards and commands; all start with "coach." so the bot can route them before planning.</summary>
public static class CoachingVerbs
{
    public const string Prefix = "coach.";
    public const string Start = "coach.start";
    public const string SubmitStart = "coach.start.submit";
    public const string Progress = "coach.progress";
    public const string Mine = "coach.mine";
    public const string Accept = "coach.accept";
    public const string Decline = "coach.decline";
    public const string Answer = "coach.answer";
    public const string Back = "coach.back";
    public const string Skip = "coach.skip";
    public const string Pause = "coach.pause";
    public const string Resume = "coach.resume";
    public const string Stop = "coach.stop";
    public const string Summary = "coach.summary";
    public const string Share = "coach.share";
    public const string Export = "coach.export";
    public const string Delete = "coach.delete";
    public const string ConfirmDelete = "coach.delete.confirm";

    /// <summary>The manager's answer to "use your own self-assessment?": <see cref="CoachingFields.Reuse"/> is "yes" or "no".</summary>
    public const string Reuse = "coach.reuse";
}

/// <summary>Names of the reserved data fields and the inputs on coaching cards.</summary>
public static class CoachingFields
{
    public const string Journey = "journey";
    public const string Step = "step";
    public const string Manager = "manager";
    public const string ManagerName = "managerName";
    public const string StartDate = "startDate";
    public const string Rhythm = "rhythm";
    public const string Note = "note";
    public const string Score = "score";
    public const string Reflection = "reflection";
    public const string Maturity = "maturity";
    public const string Goals = "goals";
    public const string NextSteps = "nextSteps";
    public const string Reuse = "reuse";

    public static string Role(LeaderRole role) => "role_" + (int)role;

    public static string RoleReflection(LeaderRole role) => "role_" + (int)role + "_reflection";

    public static string Risk(CoachingRisk risk) => "risk_" + (int)risk;
}

/// <summary>HR's card to start a journey: the people the bot has met, and what HR chose or typed so far.</summary>
public sealed record CoachingStartReply(IReadOnlyList<Person> People, string? SelectedUserId, string? TypedName, DateOnly Today, TextReply? Notice = null) : Reply;

/// <summary>The invitation the manager receives: who invites, the note, the start and the rhythm.</summary>
public sealed record CoachingInvitationReply(CoachingJourney Journey) : Reply;

/// <summary>One card of the journey, with hints from the manager's own plans.</summary>
public sealed record CoachingStepReply(CoachingJourney Journey, IReadOnlyList<TextReply> Hints, TextReply? Notice = null) : Reply;

/// <summary>Between sittings and on reminders: where the journey stands and a button to go on.</summary>
public sealed record CoachingNextSittingReply(CoachingJourney Journey, bool IsReminder) : Reply;

/// <summary>HR's overview: built from <see cref="CoachingProgress"/> only.</summary>
public sealed record CoachingProgressReply(IReadOnlyList<CoachingProgress> Journeys) : Reply;

/// <summary>The manager's own summary, with share, export and delete.</summary>
public sealed record CoachingSummaryReply(CoachingJourney Journey) : Reply;

/// <summary>The summary as HR receives it, only when the manager shares it.</summary>
public sealed record CoachingSharedSummaryReply(CoachingJourney Journey) : Reply;

/// <summary>Everything the manager gave, as a card and a JSON file.</summary>
public sealed record CoachingExportReply(CoachingJourney Journey) : Reply;

public sealed record CoachingConfirmDeleteReply(CoachingJourney Journey) : Reply;

/// <summary>"Use your own self-assessment?": one tap to start the journey from the manager's own answers, or not.</summary>
public sealed record CoachingReuseReply(CoachingJourney Journey) : Reply;

/// <summary>What HR can forward to a manager the bot cannot reach yet.</summary>
public sealed record CoachingInstallHelpReply(string ManagerName) : Reply;

/// <summary>A message for someone other than the one whose turn it is, sent proactively after the turn.</summary>
public sealed record OutgoingMessage(string RecipientUserId, Reply Reply, TextReply? IfUndelivered = null);

/// <summary>A person the bot has met, and whether it can write to them (it has their personal chat).</summary>
public sealed record KnownPerson(Person Person, bool Reachable, string? TimeZone, string? Locale);

/// <summary>The people the bot has met, built from the activities it receives.</summary>
public interface ICoachingPeople
{
    Task<KnownPerson?> FindAsync(string userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Person>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>Coaching journeys, each its own item with optimistic concurrency, as <see cref="IPlanStore"/> does for plans.</summary>
public interface ICoachingStore
{
    Task<CoachingJourney?> FindAsync(string journeyId, CancellationToken cancellationToken);

    Task CreateAsync(CoachingJourney journey, CancellationToken cancellationToken);

    /// <summary>Applies the change to the current journey, re-applying it after a conflict; null when the journey is gone.</summary>
    Task<CoachingJourney?> UpdateAsync(string journeyId, Func<CoachingJourney, CoachingJourney> change, CancellationToken cancellationToken);

    Task<IReadOnlyList<CoachingJourney>> ForHrAsync(string hrUserId, CancellationToken cancellationToken);

    Task<IReadOnlyList<CoachingJourney>> ForManagerAsync(string managerUserId, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> AllIdsAsync(CancellationToken cancellationToken);
}

/// <summary>One turn of coaching: who speaks (and whether they are HR), the stores, and the replies to them and to others.</summary>
public sealed class CoachingTurn(Person user, Language language, bool isHr, KnownPerson? self, ICoachingStore journeys, ICoachingPeople people, IReadOnlyList<Plan> plans, TimeProvider time, Samskapelse.Method.SelfAssessment? ownAssessment = null)
{
    private readonly List<Reply> replies = [];
    private readonly List<OutgoingMessage> outgoing = [];

    public Person User { get; } = user;

    public Language Language { get; } = language;

    public bool IsHr { get; } = isHr;

    /// <summary>The speaker as the directory knows them (time zone, locale).</summary>
    public KnownPerson? Self { get; } = self;

    public ICoachingStore Journeys { get; } = journeys;

    public ICoachingPeople People { get; } = people;

    /// <summary>The speaker's own plans, for coaching that points at the work.</summary>
    public IReadOnlyList<Plan> Plans { get; } = plans;

    /// <summary>The speaker's own self-assessment, made without HR: offered as the journey's starting point, with their consent.</summary>
    public Samskapelse.Method.SelfAssessment? OwnAssessment { get; } = ownAssessment;

    public TimeProvider Time { get; } = time;

    public DateTimeOffset Now => Time.GetUtcNow();

    public IReadOnlyList<Reply> Replies => replies;

    public IReadOnlyList<OutgoingMessage> Outgoing => outgoing;

    public void Say(string key, params object[] args) => replies.Add(new TextReply(key, args));

    public void Show(Reply reply) => replies.Add(reply);

    public void Send(string recipientUserId, Reply reply, TextReply? ifUndelivered = null) => outgoing.Add(new OutgoingMessage(recipientUserId, reply, ifUndelivered));

    /// <summary>The speaker's journey as a manager: the open one, else the newest invitation.</summary>
    public async Task<CoachingJourney?> MyJourneyAsync(CancellationToken cancellationToken)
    {
        var mine = await Journeys.ForManagerAsync(User.UserId, cancellationToken).ConfigureAwait(false);
        return mine.Where(j => j.IsOpen).OrderByDescending(j => j.CreatedAt).FirstOrDefault()
            ?? mine.Where(j => j.Status is CoachingStatus.Invited or CoachingStatus.AwaitingInstall).OrderByDescending(j => j.CreatedAt).FirstOrDefault()
            ?? mine.OrderByDescending(j => j.UpdatedAt).FirstOrDefault();
    }
}

/// <summary>Handles one coaching verb.</summary>
public interface ICoachingHandler
{
    string Verb { get; }

    Task HandleAsync(CoachingTurn turn, Intent intent, CancellationToken cancellationToken);
}

/// <summary>Routes coaching intents to the one handler of each verb; refuses duplicate verbs at start.</summary>
public sealed class CoachingConversation
{
    private readonly ImmutableDictionary<string, ICoachingHandler> handlers;

    public CoachingConversation(IEnumerable<ICoachingHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        var byVerb = new Dictionary<string, ICoachingHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!handler.Verb.StartsWith(CoachingVerbs.Prefix, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The coaching verb '{handler.Verb}' must start with '{CoachingVerbs.Prefix}'.");
            }

            if (!byVerb.TryAdd(handler.Verb, handler))
            {
                throw new InvalidOperationException($"Two coaching handlers claim the verb '{handler.Verb}': {byVerb[handler.Verb].GetType().Name} and {handler.GetType().Name}.");
            }
        }

        this.handlers = byVerb.ToImmutableDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<string> Verbs => handlers.Keys;

    private static readonly string[] NotANameStart = ["for", "til", "av", "af", "of", "to", "med", "with", "om", "about", "i", "in", "og", "and"];

    public static bool IsCoachingVerb(string? verb) => verb is not null && verb.StartsWith(CoachingVerbs.Prefix, StringComparison.Ordinal);

    /// <summary>A typed coaching command, in any of the three languages, or null.</summary>
    public static Intent? ReadCommand(string text)
    {
        var normalized = string.Join(' ', (text ?? string.Empty).Trim().TrimEnd('.', '!', '?').ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (normalized.Length == 0)
        {
            return null;
        }

        foreach (var (key, verb) in new[] { ("Cmd_CoachingStatus", CoachingVerbs.Progress), ("Cmd_MyCoaching", CoachingVerbs.Mine) })
        {
            if (Languages.All.SelectMany(l => Texts.Alternatives(l, key)).Any(a => string.Equals(normalized, a, StringComparison.OrdinalIgnoreCase)))
            {
                return Intent.Of(verb);
            }
        }

        foreach (var alias in Languages.All.SelectMany(l => Texts.Alternatives(l, "Cmd_Coaching")).Select(a => a.ToLowerInvariant()).Distinct().OrderByDescending(a => a.Length))
        {
            if (normalized == alias)
            {
                return Intent.Of(CoachingVerbs.Start);
            }

            if (normalized.StartsWith(alias + " ", StringComparison.Ordinal))
            {
                // "veiledning for Kari" is a sentence, not a name: planning answers it with the command it resembles.
                var name = text!.Trim()[alias.Length..].Trim();
                return NotANameStart.Contains(name.Split(' ')[0].ToLowerInvariant()) ? null : Intent.Of(CoachingVerbs.Start, (CoachingFields.ManagerName, name));
            }
        }

        return null;
    }

    public async Task HandleAsync(CoachingTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(intent);
        if (!handlers.TryGetValue(intent.Verb, out var handler))
        {
            turn.Say("Error_UnknownAction");
            return;
        }

        await handler.HandleAsync(turn, intent, cancellationToken).ConfigureAwait(false);
    }
}
