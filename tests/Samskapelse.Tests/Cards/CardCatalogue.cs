using Samskapelse.Assistant;
using Samskapelse.Bot.Coaching;
using Samskapelse.Bot.Planning;
using Samskapelse.Cards.Assistant;
using Samskapelse.Coaching;
using Samskapelse.Tests.Coaching;
using Samskapelse.Cards.Model;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using Samskapelse.Cards.Privacy;
using Samskapelse.Cards.Review;
using Samskapelse.Review;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Cards;

/// <summary>Every card the bot can send, in every language, for an empty, a typical and a full plan.</summary>
public static class CardCatalogue
{
    /// <summary>A self-assessment with every answer at its longest.</summary>
    public static Samskapelse.Method.SelfAssessment FullSelfAssessment(MaturityStep step) => new()
    {
        Maturity = step,
        MaturityNote = new string('m', CoachingLimits.ReflectionLength),
        MaturityAt = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero),
        Competences = [.. Enum.GetValues<Competence>().Select(c => new Samskapelse.Method.CompetenceNote(c, ((int)c % 5) + 1, new string('c', CoachingLimits.ReflectionLength)))],
        Roles = [.. Enum.GetValues<LeaderRole>().Select(r => new Samskapelse.Method.RoleNote(r, (int)r % 2 == 0, new string('r', CoachingLimits.RoleReflectionLength)))],
        ReflectionAt = new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero),
    };

    public static IEnumerable<(string Name, AdaptiveCard Card)> All() => From(CatalogueSamples.Ordinary());

    /// <summary>Every card, built from the given plans, review, journeys and typed messages (HostileSamples fills each user-written field with Markdown).</summary>
    public static IEnumerable<(string Name, AdaptiveCard Card)> From(CatalogueSamples samples)
    {
        var plans = samples.Plans;
        var notice = samples.Notice;
        foreach (var language in Languages.All)
        {
            var replies = new List<(string, Reply)>
            {
                ("welcome", new WelcomeReply(null)),
                ("welcome-with-plan", new WelcomeReply(plans[1])),
                ("help", new HelpReply()),
                ("setup", new SetupReply(1, null)),
                ("setup-notice", new SetupReply(2, samples.SetupTitle, notice)),
                ("share-picker", new SharePickerReply([.. Enumerable.Range(0, PlanLimits.PlansPerUser).Select(i => plans[^1] with { Id = "p" + i })], samples.Chats, 4)),
                ("answer-or-command", new AnswerOrCommandReply(samples.Ambiguous.Text, samples.Ambiguous.Title, 4, 5)),
                ("answer-or-command-title", new AnswerOrCommandReply(samples.AmbiguousTitle.Text, samples.AmbiguousTitle.Title, 0, 6)),
                ("command-suggestion", new CommandSuggestionReply(samples.NearMiss.Typed, samples.NearMiss.Suggestion)),
                ("plan-list-full", new PlanListReply([.. Enumerable.Range(0, PlanLimits.PlansPerUser).Select(i => plans[^1] with { Id = "p" + i })], "p0", 3)),
                ("what-is-co-creation", new Samskapelse.Method.CoCreationReply()),
                ("maturity", new Samskapelse.Method.MaturityReply(null)),
                ("maturity-top-saved", new Samskapelse.Method.MaturityReply(FullSelfAssessment(MaturityStep.CoCreating), new TextReply("Maturity_Saved"))),
                ("maturity-curious-error", new Samskapelse.Method.MaturityReply(FullSelfAssessment(MaturityStep.Curious), notice)),
                ("reflection", new Samskapelse.Method.ReflectionReply(null)),
                ("reflection-full", new Samskapelse.Method.ReflectionReply(FullSelfAssessment(MaturityStep.Mature), notice)),
            };
            foreach (var plan in plans)
            {
                foreach (var step in Enum.GetValues<PlanStep>())
                {
                    replies.Add(($"{plan.Id}-question-{step}", new QuestionReply(plan, step, 7, notice)));
                }

                replies.Add(($"{plan.Id}-delete", new ConfirmDeleteReply(plan, 8)));
                replies.Add(($"{plan.Id}-follow-up", new FollowUpReply(plan, 10, notice)));
                replies.Add(($"{plan.Id}-code-editor", new CodeOfConductEditorReply(plan with { CodeOfConduct = plan.CodeOfConduct.IsEmpty ? CodeOfConductDrafter.Draft(plan) : plan.CodeOfConduct }, 9, notice)));
            }

            foreach (var (name, reply) in replies)
            {
                yield return ($"{language.Code()}/{name}", ReplyRenderer.CardFor(reply, language, assistant: true));
            }

            // The code card with suggested changes: the business partner gone (remove), SAM-initiering set later (add).
            var changed = plans[1] with { Phase = Phase.Initiation, Partners = plans[1].Partners.RemoveAll(p => p.Kind == PartnerKind.Business) };
            yield return ($"{language.Code()}/code-suggestions", Samskapelse.Cards.Planning.SummaryCards.CodeOfConduct(language, changed));

            foreach (var plan in plans.Select(samples.Reviewed))
            {
                foreach (var kind in Enum.GetValues<SharedCardKind>())
                {
                    foreach (var role in new[] { ReviewRole.Member, ReviewRole.Owner })
                    {
                        yield return ($"{language.Code()}/{plan.Id}-shared-{kind}-{role}", ReviewCards.Shared(language, plan, kind, role, "29:member-1", new TextReply("Review_Signed"), "https://teams.microsoft.com/l/chat/0/0?users=28:bot", links: role == ReviewRole.Owner ? Links : null));
                    }
                }
            }

            yield return ($"{language.Code()}/privacy-export", PrivacyCards.Export(language, "https://bot.example.test/documents/" + new string('t', 400)));
            yield return ($"{language.Code()}/privacy-confirm-delete", PrivacyCards.ConfirmDelete(language, new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero)));
            yield return ($"{language.Code()}/privacy-plan-deleted", PrivacyCards.PlanDeleted(language));
            yield return ($"{language.Code()}/privacy-plan-expired", PrivacyCards.PlanExpired(language, 365));
            var formerSigned = samples.Reviewed(plans[1]) is var reviewed ? reviewed with { Review = reviewed.Review with { Signatures = [.. reviewed.Review.Signatures.Select(sig => sig with { By = FormerParticipant.NewMarker() })] } } : plans[1];
            yield return ($"{language.Code()}/privacy-former-participant-signed", ReviewCards.Shared(language, formerSigned, SharedCardKind.CodeOfConduct, ReviewRole.Member, null, null, null));

            foreach (var (name, card) in CoachingCardsFor(language, samples))
            {
                yield return ($"{language.Code()}/coaching-{name}", card);
            }

            foreach (var plan in plans)
            {
                var index = 0;
                foreach (var card in Samskapelse.Cards.Planning.SummaryCards.All(language, plan, Links, assistant: true))
                {
                    yield return ($"{language.Code()}/{plan.Id}-summary-{index++}", card);
                }

                foreach (var (name, card) in AssistantCardsFor(language, plan, samples))
                {
                    yield return ($"{language.Code()}/{plan.Id}-assistant-{name}", card);
                }
            }
        }
    }

    /// <summary>The assistant's cards: working, every kind of suggestions, a fault with none, and the summary posted for the team.</summary>
    private static IEnumerable<(string Name, AdaptiveCard Card)> AssistantCardsFor(Language language, Plan plan, CatalogueSamples samples)
    {
        foreach (var kind in Enum.GetValues<SuggestionKind>())
        {
            yield return ($"working-{kind}", AssistantCards.Working(language, plan, kind));
            var batch = new SuggestionBatch { Id = "b-" + kind, Kind = kind, Source = AssistantSource.Offline, Suggestions = [.. samples.Suggestions(language, plan, kind)] };
            yield return ($"suggestions-{kind}", ReplyRenderer.CardFor(new SuggestionsReply(plan, batch), language));
        }

        var failed = new SuggestionBatch { Id = "b-fault", Kind = SuggestionKind.Partners, Source = AssistantSource.Offline, Fault = AssistantFault.Timeout };
        yield return ("suggestions-fault-none", ReplyRenderer.CardFor(new SuggestionsReply(plan, failed), language));
        yield return ("team-summary", ReplyRenderer.CardFor(new TeamSummaryReply(plan, samples.TeamSummary(plan)), language));
    }

    /// <summary>Every coaching card, for a typical journey and one at every limit.</summary>
    private static IEnumerable<(string Name, AdaptiveCard Card)> CoachingCardsFor(Language language, CatalogueSamples samples)
    {
        var notice = new TextReply("Error_TooLong", 2000, CoachingLimits.ReflectionLength);
        var today = new DateOnly(2026, 11, 2);
        yield return ("start-empty", CoachingRenderer.CardFor(new CoachingStartReply([], null, null, today), language, null));
        yield return ("start-full", CoachingRenderer.CardFor(new CoachingStartReply(samples.People, samples.People[0].UserId, samples.TypedName, today, samples.CoachingNotice), language, null));
        yield return ("progress-empty", CoachingRenderer.CardFor(new CoachingProgressReply([]), language, null));
        yield return ("progress-full", CoachingRenderer.CardFor(new CoachingProgressReply(samples.Progress), language, null));
        yield return ("install-help", CoachingRenderer.CardFor(new CoachingInstallHelpReply(samples.InstallName), language, "https://teams.microsoft.com/l/chat/0/0?users=28:11111111-2222-3333-4444-555555555555"));
        foreach (var journey in samples.Journeys)
        {
            var id = journey.Id;
            yield return ($"{id}-invitation", CoachingRenderer.CardFor(new CoachingInvitationReply(journey), language, null));
            yield return ($"{id}-invitation-no-note", CoachingRenderer.CardFor(new CoachingInvitationReply(journey with { Note = null }), language, null));
            yield return ($"{id}-reuse-own-assessment", CoachingRenderer.CardFor(new CoachingReuseReply(journey), language, null));
            foreach (var step in Enum.GetValues<JourneyStep>().Where(s => s != JourneyStep.Done))
            {
                yield return ($"{id}-step-{step}", CoachingRenderer.CardFor(new CoachingStepReply(journey with { Step = step }, samples.Hints, notice), language, null));
            }

            yield return ($"{id}-next-sitting", CoachingRenderer.CardFor(new CoachingNextSittingReply(journey with { Step = JourneyStep.Competence4 }, false), language, null));
            yield return ($"{id}-reminder", CoachingRenderer.CardFor(new CoachingNextSittingReply(journey, true), language, null));
            yield return ($"{id}-paused", CoachingRenderer.CardFor(new CoachingNextSittingReply(journey with { Status = CoachingStatus.Paused }, false), language, null));
            yield return ($"{id}-summary", CoachingRenderer.CardFor(new CoachingSummaryReply(journey), language, null));
            yield return ($"{id}-shared-summary", CoachingRenderer.CardFor(new CoachingSharedSummaryReply(journey), language, null));
            yield return ($"{id}-export", Samskapelse.Cards.Coaching.CoachingCards.Export(language, journey));
            yield return ($"{id}-confirm-delete", CoachingRenderer.CardFor(new CoachingConfirmDeleteReply(journey), language, null));
        }
    }

    private static readonly Samskapelse.Cards.Planning.PlanLinks Links = new("https://bot.example.test/documents/word", "https://bot.example.test/documents/markdown", "https://bot.example.test/documents/map.png");

    /// <summary>A plan after a busy review: every signature, comment and open proposal the limits allow.</summary>
    internal static Plan Reviewed(Plan plan)
    {
        var at = plan.UpdatedAt;
        var members = Enumerable.Range(1, 70).Select(i => new Actor($"29:member-{i}", null, $"Medlem nummer {i} med et langt navn")).ToList();
        var text = new string('k', PlanLimits.ItemLength);
        return plan with
        {
            Review = plan.Review with
            {
                SharedTo = [new SharedConversation("19:chat", "1", SharedCardKind.Plan, "nb", members[0], at)],
                Signatures = [.. members.Select(m => new Signature(m, at))],
                Comments = [.. Enumerable.Range(1, ReviewLimits.Comments).Select(i => new Comment($"m{i}", ReviewTarget.Plan, null, text, members[i % members.Count], at))],
                Proposals = [.. Enumerable.Range(1, ReviewLimits.OpenProposals).Select(i => new Proposal($"r{i}", ProposalKind.Principle, text, members[i], at))],
                Votes = [.. plan.Alliances.SelectMany(a => members.Select(m => new Vote(a.Id, m, true, at)))],
                ActiveUserIds = [.. members.Select(m => m.UserId)],
            },
        };
    }
}

/// <summary>What the catalogue builds its cards from: the plans, the review, the journeys and what people typed.</summary>
public sealed record CatalogueSamples
{
    public required IReadOnlyList<Plan> Plans { get; init; }

    public required Func<Plan, Plan> Reviewed { get; init; }

    public required TextReply Notice { get; init; }

    public required string SetupTitle { get; init; }

    public required IReadOnlyList<KnownChat> Chats { get; init; }

    public required (string Text, string Title) Ambiguous { get; init; }

    public required (string Text, string Title) AmbiguousTitle { get; init; }

    public required (string Typed, string Suggestion) NearMiss { get; init; }

    public required Func<Language, Plan, SuggestionKind, IEnumerable<Suggestion>> Suggestions { get; init; }

    public required Func<Plan, string> TeamSummary { get; init; }

    public required IReadOnlyList<CoachingJourney> Journeys { get; init; }

    public required IReadOnlyList<TextReply> Hints { get; init; }

    public required IReadOnlyList<Person> People { get; init; }

    public required string TypedName { get; init; }

    public required TextReply CoachingNotice { get; init; }

    public required string InstallName { get; init; }

    public required IReadOnlyList<CoachingProgress> Progress { get; init; }

    /// <summary>The samples of an ordinary catalogue: an empty, a typical and a full plan, and what the offline assistant suggests for each.</summary>
    public static CatalogueSamples Ordinary() => new()
    {
        Plans = [SamplePlans.Empty(), SamplePlans.Typical(), SamplePlans.AtTheLimits()],
        Reviewed = CardCatalogue.Reviewed,
        Notice = new TextReply("Error_TooLong", 2000, PlanLimits.AnswerLength),
        SetupTitle = new string('x', 10),
        Chats = [.. Enumerable.Range(0, 20).Select(i => new KnownChat("19:chat-" + i, new string('c', 80), default))],
        Ambiguous = ("start Ny plan for eldre i " + new string('x', 100), "Ny plan for eldre i " + new string('x', 100)),
        AmbiguousTitle = ("start Eldretreff", "Eldretreff"),
        NearMiss = ("coach Kari Nordmann", "veiledning Kari Nordmann"),
        // The service numbers the suggestions it keeps; the offline assistant leaves that to it.
        Suggestions = (language, plan, kind) => OfflineAssistant.Suggest(new AssistantInput(kind, language, PlanFacts.From(plan, language))).Select((s, i) => s with { Id = "s" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        TeamSummary = plan => string.Join(" ", Enumerable.Repeat(plan.Goal ?? "Et hus der ungdom møtes.", 3)),
        Journeys = [SampleJourneys.Typical(), SampleJourneys.AtTheLimits()],
        Hints = SampleJourneys.HintsAtTheLimits(),
        People = SampleJourneys.People(2 * CoachingLimits.PeopleOnStartCard),
        TypedName = new string('n', 100),
        CoachingNotice = new TextReply("Coach_SeveralMatch", new string('n', 100)),
        InstallName = new string('k', 100),
        Progress = SampleJourneys.Progress(CoachingLimits.JourneysPerHr),
    };
}
