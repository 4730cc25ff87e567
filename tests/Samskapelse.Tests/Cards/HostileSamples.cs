using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Samskapelse.Assistant;
using Samskapelse.Coaching;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using Samskapelse.Review;
using Samskapelse.Tests.Coaching;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Cards;

/// <summary>
/// Catalogue samples in which every user-written field (a plan's title, goal and answers, partners and how
/// they are mobilised, activities, alliances, principles, people's names, comments, proposals, coaching
/// answers, what someone typed) holds <see cref="Payload"/>: a link, emphasis, a heading and a mention, after
/// a marker naming the field ("zzGoalzz"), so a leak names its source. <see cref="Fields"/> lists every field used.
/// </summary>
public sealed partial class HostileSamples
{
    public const string Payload = "[Sign here](https://evil.example) **b** _i_ # h <at>x</at>";

    private readonly SortedSet<string> fields = new(StringComparer.Ordinal);

    public HostileSamples()
    {
        var at = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var plan = SamplePlans.Typical() with
        {
            Id = "plan-hostile",
            Title = F("Title"),
            OwnerName = F("OwnerName"),
            Goal = F("Goal"),
            Collaboration = F("Collaboration"),
            Partners =
            [
                new Partner("p1", F("PartnerOutsideName"), PartnerSide.Outside, PartnerKind.Association, F("PartnerOutsideMobilisation")),
                new Partner("p2", F("PartnerHomeName"), PartnerSide.AtHome, PartnerKind.OwnUnit, F("PartnerHomeMobilisation")),
                new Partner("p3", F("PartnerUnmobilisedName"), PartnerSide.Outside, PartnerKind.Business),
            ],
            RelatedActivities = [new RelatedActivity("a1", F("Activity"))],
            Alliances = [new Alliance("l1", F("AllianceName"), ["p1", "p2"], F("AlliancePurpose"))],
        };
        plan = plan with { CodeOfConduct = [new Principle("c1", null, F("Principle")), .. CodeOfConductDrafter.Draft(plan)] };
        var firstOnly = plan with { Id = "plan-hostile-title", Goal = null, Collaboration = null, Partners = [], RelatedActivities = [], Alliances = [], CodeOfConduct = [], IsComplete = false, Title = F("TitleOfNewPlan") };

        var journey = SampleJourneys.Typical() with
        {
            Id = "journey-hostile",
            Hr = new Person("29:hr", null, F("HrName")),
            Manager = new Person("29:m", null, F("ManagerName")),
            Note = F("Note"),
            Answers = new JourneyAnswers
            {
                Competences = Enum.GetValues<Competence>().ToImmutableDictionary(c => c, c => new CompetenceAnswer(3, F("Reflection" + c))),
                Roles = Enum.GetValues<LeaderRole>().ToImmutableDictionary(r => r, r => new RoleAnswer(true, F("Role" + r))),
                Maturity = MaturityStep.Involving,
                MaturityReflection = F("MaturityReflection"),
                Risks = Enum.GetValues<CoachingRisk>().ToImmutableDictionary(r => r, r => F("Risk" + r)),
                Goals = F("Goals"),
                NextSteps = F("NextSteps"),
            },
        };

        Samples = new CatalogueSamples
        {
            Plans = [firstOnly, plan],
            Reviewed = p => Reviewed(p, at),
            Notice = new TextReply("Coach_SeveralMatch", F("Notice")),
            SetupTitle = F("SetupTitle"),
            Chats = [new KnownChat("19:chat-1", F("ChatTitle"), at)],
            Ambiguous = ("start " + F("AmbiguousAnswer"), F("AmbiguousNewTitle")),
            AmbiguousTitle = ("start " + F("AmbiguousTitleAnswer"), F("AmbiguousTitleNewTitle")),
            NearMiss = ("coach " + F("NearMissTyped"), "veiledning " + F("NearMissSuggestion")),
            Suggestions = (_, _, kind) => Suggestions(kind),
            TeamSummary = _ => F("TeamSummary"),
            Journeys = [journey],
            Hints = [new TextReply("CoachHint_NoAlliance", F("HintPlanTitle"))],
            People = [new Person("29:p1", null, F("PersonName")), new Person("29:p2", null, "Kari Nordmann")],
            TypedName = F("TypedName"),
            CoachingNotice = new TextReply("Coach_SeveralMatch", F("CoachingNotice")),
            InstallName = F("InstallName"),
            Progress = [CoachingProgress.Of(journey with { Manager = new Person("29:m", null, F("ProgressManagerName")) })],
        };
    }

    public CatalogueSamples Samples { get; }

    /// <summary>Every field that holds the payload, by the marker's name.</summary>
    public IReadOnlyCollection<string> Fields => fields;

    /// <summary>The field named by each marker in <paramref name="text"/>.</summary>
    public static IEnumerable<string> MarkersIn(string text) => Marker().Matches(text).Select(m => m.Groups[1].Value);

    private string F(string field)
    {
        fields.Add(field);
        return $"zz{field}zz {Payload}";
    }

    private IEnumerable<Suggestion> Suggestions(SuggestionKind kind) =>
        Enumerable.Range(1, 2).Select(i => new Suggestion
        {
            Id = $"s{kind}{i}",
            Kind = kind,
            Text = F($"Suggestion{kind}{i}"),
            // The cards show a detail for partners (why) and alliances (the purpose) only.
            Detail = kind is SuggestionKind.Partners or SuggestionKind.Alliances ? F($"SuggestionDetail{kind}{i}") : null,
            Side = PartnerSide.Outside,
            PartnerKind = PartnerKind.Association,
            TargetId = kind switch
            {
                SuggestionKind.Mobilisation => "p1",
                SuggestionKind.CodeOfConduct => "c1",
                _ => null,
            },
            PartnerIds = kind == SuggestionKind.Alliances ? ["p1", "p2"] : [],
        });

    private Plan Reviewed(Plan plan, DateTimeOffset at)
    {
        var member = new Actor("29:member-1", null, F("MemberName"));
        var signer = new Actor("29:member-2", null, F("SignerName"));
        var commenter = new Actor("29:member-3", null, F("CommenterName"));
        var proposer = new Actor("29:member-4", null, F("ProposerName"));
        var about = new (ReviewTarget Target, string? Id)[] { (ReviewTarget.Plan, null), (ReviewTarget.Partner, "p1"), (ReviewTarget.Alliance, "l1"), (ReviewTarget.Principle, "c1") };
        return plan with
        {
            Review = plan.Review with
            {
                SharedTo = [new SharedConversation("19:chat", "1", SharedCardKind.Plan, "nb", member, at)],
                Signatures = [new Signature(signer, at), new Signature(member, at)],
                Comments = [.. about.Select((a, i) => new Comment($"m{i}", a.Target, a.Id, F("Comment" + a.Target), commenter, at))],
                Proposals = [.. Enum.GetValues<ProposalKind>().Select((k, i) => new Proposal($"r{i}", k, F("Proposal" + k), proposer, at))],
                Votes = [.. plan.Alliances.Select(a => new Vote(a.Id, member, true, at))],
                AllianceStatuses = plan.Alliances.ToImmutableDictionary(a => a.Id, _ => AllianceStatus.InTalks),
                ActiveUserIds = [member.UserId, signer.UserId, commenter.UserId, proposer.UserId],
                CoOwnerIds = [member.UserId],
            },
        };
    }

    [GeneratedRegex("zz([A-Za-z0-9]+)zz")]
    private static partial Regex Marker();
}
