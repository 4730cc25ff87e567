using System.Collections.Immutable;
using System.Globalization;
using Samskapelse.Planning;

namespace Samskapelse.Tests.Support;

/// <summary>Plans for card tests: empty, typical, and filled to every input limit.</summary>
public static class SamplePlans
{
    private static readonly DateTimeOffset Created = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static Plan Empty() => new()
    {
        Id = "plan-empty",
        OwnerId = "user-1",
        OwnerName = "Kari Nordmann",
        Title = "Ungdommens hus",
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    public static Plan Typical()
    {
        var plan = Empty() with
        {
            Id = "plan-typical",
            Arena = WheelArena.DevelopmentWithEnthusiasts,
            Variant = CoCreationVariant.EqualCollaboration,
            Phase = Phase.Design,
            Goal = "Et hus der ungdom møtes, drevet sammen med dem: trygge kvelder, lavterskel aktiviteter og voksne å spørre.",
            Partners =
            [
                new Partner("p1", "Idrettslaget Ørn", PartnerSide.Outside, PartnerKind.Association, "Invitere dem til å utforme åpningstidene sammen med ungdommen."),
                new Partner("p2", "Ungdomsrådet", PartnerSide.Outside, PartnerKind.Citizens, "Gi dem styreplasser og eget budsjett."),
                new Partner("p3", "Bakeriet på hjørnet", PartnerSide.Outside, PartnerKind.Business, null),
                new Partner("p4", "Helsesykepleierne", PartnerSide.AtHome, PartnerKind.OwnUnit, "Kontortid i huset hver onsdag, sammen med ungdommene."),
            ],
            Collaboration = "Et felles styre med ungdom, lag og kommunen som møtes hver måned.",
            RelatedActivities = [new RelatedActivity("a1", "Ungdommens hus i nabokommunen")],
            Alliances = [new Alliance("l1", "Trygge kvelder", ["p1", "p4"], "Åpne hallen fredager")],
            IsComplete = true,
        };
        return plan with { CodeOfConduct = CodeOfConductDrafter.Draft(plan) };
    }

    /// <summary>Every field at its length limit and every list full: the largest cards the bot can send.</summary>
    public static Plan AtTheLimits()
    {
        static string Text(int length, string seed) => string.Concat(Enumerable.Repeat(seed + " æøå ", length)).Substring(0, length);
        var partners = Enumerable.Range(1, PlanLimits.Partners)
            .Select(i => new Partner("p" + i.ToString(CultureInfo.InvariantCulture), Text(PlanLimits.NameLength, "Partner" + i.ToString(CultureInfo.InvariantCulture)), i % 3 == 0 ? PartnerSide.AtHome : PartnerSide.Outside, (PartnerKind)(i % 5), Text(PlanLimits.ItemLength, "Mobilise")) { Resources = [.. Enum.GetValues<PartnerResource>()] })
            .ToImmutableList();
        return Typical() with
        {
            Id = "plan-limits",
            Title = Text(PlanLimits.TitleLength, "Tittel"),
            Goal = Text(PlanLimits.AnswerLength, "Mål"),
            Collaboration = Text(PlanLimits.AnswerLength, "Samarbeid"),
            Partners = partners,
            RelatedActivities = [.. Enumerable.Range(1, PlanLimits.RelatedActivities).Select(i => new RelatedActivity("a" + i.ToString(CultureInfo.InvariantCulture), Text(PlanLimits.ItemLength, "Aktivitet")))],
            Alliances = [.. Enumerable.Range(1, PlanLimits.Alliances).Select(i => new Alliance("l" + i.ToString(CultureInfo.InvariantCulture), Text(PlanLimits.NameLength, "Allianse"), [.. partners.Take(PlanLimits.PartnersPerAlliance).Select(p => p.Id)], Text(PlanLimits.ItemLength, "Formål")))],
            CodeOfConduct = [.. Enumerable.Range(1, PlanLimits.Principles).Select(i => new Principle("c" + i.ToString(CultureInfo.InvariantCulture), null, Text(PlanLimits.ItemLength, "Prinsipp")))],
            Contributions = [.. Enum.GetValues<Contribution>()],
            Status = PlanStatus.Evaluated,
            FollowUps = [.. Enumerable.Range(1, PlanLimits.FollowUps).Select(i => new FollowUpEntry(
                "f" + i.ToString(CultureInfo.InvariantCulture),
                FollowUpSubject.Partner,
                partners[i % partners.Count].Id,
                partners[i % partners.Count].Name,
                Text(PlanLimits.ItemLength, "Oppfølging"),
                new Samskapelse.Review.Actor("user-1", null, Text(PlanLimits.NameLength, "Forfatter")),
                Created.AddDays(i)))],
        };
    }
}
