using Samskapelse.Bot.Coaching;
using Samskapelse.Bot.Planning;
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
    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var plans = new[] { SamplePlans.Empty(), SamplePlans.Typical(), SamplePlans.AtTheLimits() };
        var notice = new TextReply("Error_TooLong", 2000, PlanLimits.AnswerLength);
        foreach (var language in Languages.All)
        {
            var replies = new List<(string, Reply)>
            {
                ("welcome", new WelcomeReply(null)),
                ("welcome-with-plan", new WelcomeReply(plans[1])),
                ("help", new HelpReply()),
                ("setup", new SetupReply(1, null)),
                ("setup-notice", new SetupReply(2, new string('x', 10), notice)),
                ("share-picker", new SharePickerReply([.. Enumerable.Range(0, PlanLimits.PlansPerUser).Select(i => plans[2] with { Id = "p" + i })], [.. Enumerable.Range(0, 20).Select(i => new KnownChat("19:chat-" + i, new string('c', 80), default))], 4)),
                ("answer-or-command", new AnswerOrCommandReply("start Ny plan for eldre i " + new string('x', 100), "Ny plan for eldre i " + new string('x', 100), 4, 5)),
                ("answer-or-command-title", new AnswerOrCommandReply("start Eldretreff", "Eldretreff", 0, 6)),
                ("command-suggestion", new CommandSuggestionReply("coach Kari Nordmann", "veiledning Kari Nordmann")),
                ("plan-list-full", new PlanListReply([.. Enumerable.Range(0, PlanLimits.PlansPerUser).Select(i => plans[2] with { Id = "p" + i })], "p0", 3)),
            };
            foreach (var plan in plans)
            {
                foreach (var step in Enum.GetValues<PlanStep>())
                {
                    replies.Add(($"{plan.Id}-question-{step}", new QuestionReply(plan, step, 7, notice)));
                }

                replies.Add(($"{plan.Id}-delete", new ConfirmDeleteReply(plan, 8)));
                replies.Add(($"{plan.Id}-code-editor", new CodeOfConductEditorReply(plan with { CodeOfConduct = plan.CodeOfConduct.IsEmpty ? CodeOfConductDrafter.Draft(plan) : plan.CodeOfConduct }, 9, notice)));
            }

            foreach (var (name, reply) in replies)
            {
                yield return ($"{language.Code()}/{name}", ReplyRenderer.CardFor(reply, language));
            }

            // The code card with suggested changes: the business partner gone (remove), SAM-initiering set later (add).
            var changed = plans[1] with { Phase = Phase.Initiation, Partners = plans[1].Partners.RemoveAll(p => p.Kind == PartnerKind.Business) };
            yield return ($"{language.Code()}/code-suggestions", Samskapelse.Cards.Planning.SummaryCards.CodeOfConduct(language, changed));

            foreach (var plan in plans.Select(Reviewed))
            {
                foreach (var kind in Enum.GetValues<SharedCardKind>())
                {
                    foreach (var role in new[] { ReviewRole.Member, ReviewRole.Owner })
                    {
                        yield return ($"{language.Code()}/{plan.Id}-shared-{kind}-{role}", ReviewCards.Shared(language, plan, kind, role, "29:member-1", new TextReply("Review_Signed"), "https://teams.microsoft.com/l/chat/0/0?users=28:bot"));
                    }
                }
            }

            yield return ($"{language.Code()}/privacy-export", PrivacyCards.Export(language, "https://bot.example.test/documents/" + new string('t', 400)));
            yield return ($"{language.Code()}/privacy-confirm-delete", PrivacyCards.ConfirmDelete(language, new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero)));
            yield return ($"{language.Code()}/privacy-plan-deleted", PrivacyCards.PlanDeleted(language));
            yield return ($"{language.Code()}/privacy-plan-expired", PrivacyCards.PlanExpired(language, 365));
            var formerSigned = Reviewed(plans[1]) is var reviewed ? reviewed with { Review = reviewed.Review with { Signatures = [.. reviewed.Review.Signatures.Select(sig => sig with { By = FormerParticipant.NewMarker() })] } } : plans[1];
            yield return ($"{language.Code()}/privacy-former-participant-signed", ReviewCards.Shared(language, formerSigned, SharedCardKind.CodeOfConduct, ReviewRole.Member, null, null, null));

            foreach (var (name, card) in CoachingCardsFor(language))
            {
                yield return ($"{language.Code()}/coaching-{name}", card);
            }

            foreach (var plan in plans)
            {
                var index = 0;
                foreach (var card in Samskapelse.Cards.Planning.SummaryCards.All(language, plan))
                {
                    yield return ($"{language.Code()}/{plan.Id}-summary-{index++}", card);
                }
            }
        }
    }

    /// <summary>Every coaching card, for a typical journey and one at every limit.</summary>
    private static IEnumerable<(string Name, AdaptiveCard Card)> CoachingCardsFor(Language language)
    {
        var notice = new TextReply("Error_TooLong", 2000, CoachingLimits.ReflectionLength);
        var today = new DateOnly(2026, 11, 2);
        yield return ("start-empty", CoachingRenderer.CardFor(new CoachingStartReply([], null, null, today), language, null));
        yield return ("start-full", CoachingRenderer.CardFor(new CoachingStartReply(SampleJourneys.People(2 * CoachingLimits.PeopleOnStartCard), "29:p1", new string('n', 100), today, new TextReply("Coach_SeveralMatch", new string('n', 100))), language, null));
        yield return ("progress-empty", CoachingRenderer.CardFor(new CoachingProgressReply([]), language, null));
        yield return ("progress-full", CoachingRenderer.CardFor(new CoachingProgressReply(SampleJourneys.Progress(CoachingLimits.JourneysPerHr)), language, null));
        yield return ("install-help", CoachingRenderer.CardFor(new CoachingInstallHelpReply(new string('k', 100)), language, "https://teams.microsoft.com/l/chat/0/0?users=28:11111111-2222-3333-4444-555555555555"));
        foreach (var journey in new[] { SampleJourneys.Typical(), SampleJourneys.AtTheLimits() })
        {
            var id = journey.Id;
            yield return ($"{id}-invitation", CoachingRenderer.CardFor(new CoachingInvitationReply(journey), language, null));
            yield return ($"{id}-invitation-no-note", CoachingRenderer.CardFor(new CoachingInvitationReply(journey with { Note = null }), language, null));
            foreach (var step in Enum.GetValues<JourneyStep>().Where(s => s != JourneyStep.Done))
            {
                yield return ($"{id}-step-{step}", CoachingRenderer.CardFor(new CoachingStepReply(journey with { Step = step }, SampleJourneys.HintsAtTheLimits(), notice), language, null));
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
