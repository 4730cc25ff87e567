using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Samskapelse.Assistant;
using Samskapelse.Bot.Coaching;
using Samskapelse.Bot.Planning;
using Samskapelse.Coaching;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using Samskapelse.Review;

namespace Samskapelse.Bot.Privacy;

/// <summary>
/// Everything the bot stores about one person, as the JSON file they download: their settings and
/// position, their plans whole, their own entries in other people's plans, the chats whose stored
/// reference names them, their coaching (coaching's own export), and the assistant's records of their plans.
/// </summary>
public sealed class PersonalDataExport(PersonalDataFinder finder, IAssistantStore assistant, ICoachingStore journeys, PeopleDirectory people, TimeProvider time, ILogger<PersonalDataExport> logger)
{
    public const string FileName = "samskapelse-my-data.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },

        // Names such as Ærø and Bjørn stay readable in the file.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public async Task<PersonalDataFile> CollectAsync(PersonalDataScope scope, DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(subject);
        var found = await finder.FindAsync(subject, cancellationToken).ConfigureAwait(false);
        var profile = await finder.ReadStatePropertyAsync<PlannerProfile>(scope.UserStateKey(subject.UserId), PlanningStateAccessors.ProfileProperty, cancellationToken).ConfigureAwait(false)
            ?? await finder.ReadStatePropertyAsync<PlannerProfile>(scope.LegacyUserStateKey(subject.UserId), PlanningStateAccessors.ProfileProperty, cancellationToken).ConfigureAwait(false);
        var session = await finder.ReadStatePropertyAsync<PlanningSession>(scope.ConversationStateKey, PlanningStateAccessors.SessionProperty, cancellationToken).ConfigureAwait(false)
            ?? await finder.ReadStatePropertyAsync<PlanningSession>(scope.LegacyConversationStateKey, PlanningStateAccessors.SessionProperty, cancellationToken).ConfigureAwait(false);

        var assistantRecords = new List<AssistantExport>();
        foreach (var plan in found.Owned)
        {
            var record = await assistant.GetAsync(plan.Id, cancellationToken).ConfigureAwait(false);
            if (record.TokensUsed > 0 || !record.Batches.IsEmpty)
            {
                assistantRecords.Add(new AssistantExport(plan.Id, record.TokensUsed, record.BatchCount, record.Batches));
            }
        }

        var person = await people.FindDocumentAsync(scope.TenantId, subject.UserId, cancellationToken).ConfigureAwait(false);
        var asManager = await journeys.ForManagerAsync(subject.UserId, cancellationToken).ConfigureAwait(false);
        var asHr = await journeys.ForHrAsync(subject.UserId, cancellationToken).ConfigureAwait(false);
        var coaching = person is null && asManager.Count == 0 && asHr.Count == 0
            ? null
            : new CoachingExport(
                person is null ? null : new PersonExport(person.UserId, person.AadObjectId, person.Name, person.TimeZone, person.Locale, person.Reference is not null),
                [.. asManager.Select(CoachingRenderer.ExportContent)],
                [.. asHr.Select(j => new StartedJourneyExport(j.Id, j.Manager.Name, j.StartDate, j.Status))]);

        return new PersonalDataFile(
            time.GetUtcNow(),
            subject.UserId,
            profile,
            session,
            found.Owned,
            assistantRecords,
            [.. found.Contributed.Select(p => ContributionExport.Of(p, subject))],
            [.. found.Chats.Select(c => new ChatExport(c.Chat.Reference.Conversation?.Id ?? c.Key, c.Chat.Reference.Conversation?.Name, c.Chat.Reference.Conversation?.ConversationType))],
            coaching);
    }

    /// <summary>The file: UTF-8 JSON, indented, with field names a person can read.</summary>
    public async Task<byte[]> BuildAsync(PersonalDataScope scope, DataSubject subject, CancellationToken cancellationToken)
    {
        var file = await CollectAsync(scope, subject, cancellationToken).ConfigureAwait(false);
        var node = JsonSerializer.SerializeToNode(file, Json)!.AsObject();

        // Plans have two computed views of their partner list; the list itself is enough.
        foreach (var plan in node["plansYouOwn"]!.AsArray().OfType<JsonObject>())
        {
            plan.Remove("partnersOutside");
            plan.Remove("partnersAtHome");
        }

        Log.PersonalDataExported(logger, file.PlansYouOwn.Count, file.ContributionsToOtherPlans.Count);
        return JsonSerializer.SerializeToUtf8Bytes(node, Json);
    }
}

public sealed record PersonalDataFile(
    DateTimeOffset ExportedAt,
    string YourTeamsUserId,
    PlannerProfile? YourSettingsAndPlanList,
    PlanningSession? WhereYouAreInTheConversation,
    IReadOnlyList<Plan> PlansYouOwn,
    IReadOnlyList<AssistantExport> AssistantDataForYourPlans,
    IReadOnlyList<ContributionExport> ContributionsToOtherPlans,
    IReadOnlyList<ChatExport> ChatsWhereYouAppear,
    CoachingExport? Coaching);

public sealed record AssistantExport(string PlanId, int TokensUsed, int SuggestionBatches, IReadOnlyList<SuggestionBatch> OpenSuggestions);

public sealed record ChatExport(string ConversationId, string? Name, string? Kind);

public sealed record PersonExport(string UserId, string? EntraObjectId, string Name, string? TimeZone, string? Locale, bool BotCanMessageYou);

public sealed record StartedJourneyExport(string JourneyId, string Manager, DateOnly StartDate, CoachingStatus Status);

public sealed record CoachingExport(PersonExport? HowTheBotKnowsYou, IReadOnlyList<object> YourCoachingJourneys, IReadOnlyList<StartedJourneyExport> JourneysYouStartedAsHr);

public sealed record VoteExport(string Alliance, bool InFavour, DateTimeOffset At);

public sealed record FollowUpExport(FollowUpSubject About, string Name, string Text, PlanStatus? StatusSet, DateTimeOffset At);

public sealed record DecisionExport(string ProposalId, ProposalKind Kind, ProposalStatus Status, DateTimeOffset? At);

/// <summary>Only this person's own entries in someone else's plan, and the title to place them.</summary>
public sealed record ContributionExport(
    string PlanId,
    string PlanTitle,
    bool YouAreCoOwner,
    IReadOnlyList<DateTimeOffset> YouSignedTheCodeOfConductAt,
    IReadOnlyList<Comment> YourComments,
    IReadOnlyList<Proposal> YourProposals,
    IReadOnlyList<DecisionExport> ProposalsYouDecided,
    IReadOnlyList<VoteExport> YourVotes,
    IReadOnlyList<FollowUpExport> YourFollowUps)
{
    public static ContributionExport Of(Plan plan, DataSubject subject)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(subject);
        var review = plan.Review;
        return new ContributionExport(
            plan.Id,
            plan.Title,
            review.CoOwnerIds.Contains(subject.UserId),
            [.. review.Signatures.Where(s => subject.Is(s.By)).Select(s => s.At)],
            [.. review.Comments.Where(c => subject.Is(c.By))],
            [.. review.Proposals.Where(p => subject.Is(p.By)).Select(p => p with { DecidedBy = null })],
            [.. review.Proposals.Where(p => subject.Is(p.DecidedBy)).Select(p => new DecisionExport(p.Id, p.Kind, p.Status, p.DecidedAt))],
            [.. review.Votes.Where(v => subject.Is(v.By)).Select(v => new VoteExport(plan.Alliances.Find(a => a.Id == v.AllianceId)?.Name ?? v.AllianceId, v.InFavour, v.At))],
            [.. plan.FollowUps.Where(f => subject.Is(f.By)).Select(f => new FollowUpExport(f.Subject, f.SubjectName, f.Text, f.StatusSetTo, f.At))]);
    }
}
