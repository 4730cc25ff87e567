using System.Collections.Immutable;
using System.Globalization;
using Samskapelse.Planning;

namespace Samskapelse.Tests.Documents;

/// <summary>Plans to render: empty, typical (in Norwegian, with æ, ø and å), and filled past the limits.</summary>
public static class SamplePlans
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static Plan Empty() => new()
    {
        Id = "plan-empty",
        OwnerId = "user-1",
        OwnerName = "Kari Nordmann",
        Title = "Ny plan",
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    public static Plan Typical() => new()
    {
        Id = "plan-typical",
        OwnerId = "user-1",
        OwnerName = "Kari Nordmann",
        Title = "Ungdommens møteplass i sentrum",
        Arena = WheelArena.DevelopmentWithEnthusiasts,
        Variant = CoCreationVariant.EqualCollaboration,
        Phase = Phase.Design,
        Goal = "Et trygt og åpent sted der ungdom møtes på egne premisser.\nUngdommene eier stedet sammen med oss.",
        Partners =
        [
            new("p1", "Ungdomsrådet", PartnerSide.Outside, PartnerKind.Citizens, "Vi inviterer dem til å designe stedet sammen med oss."),
            new("p2", "Idrettslaget Ørn", PartnerSide.Outside, PartnerKind.Association, "Felles aktiviteter på fredager; de får lokaler."),
            new("p3", "Kafé Blåbær AS", PartnerSide.Outside, PartnerKind.Business, null),
            new("p4", "Politiet (forebyggende)", PartnerSide.Outside, PartnerKind.OtherPublicBody, "Felles mål om trygghet i sentrum."),
            new("p5", "Røde Kors", PartnerSide.Outside, PartnerKind.Association, "Frivillige nattevandrere, sammen med ungdommene."),
            new("p6", "Kulturenheten", PartnerSide.AtHome, PartnerKind.OwnUnit, "Styrker deres faglige arbeid med ungdomskultur."),
            new("p7", "Helsestasjon for ungdom", PartnerSide.AtHome, PartnerKind.OwnUnit, "Lavterskel samtaler på møteplassen."),
        ],
        Collaboration = "Månedlige verksteder der alle partnere møtes; ungdomsrådet leder dem.",
        RelatedActivities = [new("a1", "Nabokommunens ungdomshus «Fyrlykta»"), new("a2", "Frivilligsentralens leksehjelp")],
        Alliances =
        [
            new("l1", "Trygg by om kvelden", ["p4", "p5", "p1"], "Færre konflikter og flere voksne ute."),
            new("l2", "Kultur for og med ungdom", ["p6", "p2"], "Åpne scener hver måned."),
        ],
        CodeOfConduct = [new("c1", "Principle_EqualPartnership", null), new("c2", null, "Vi svarer alle partnere innen én uke – også når svaret er «nei».")],
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    /// <summary>60 partners (more than the input limit of 40) with names longer than the 80-character limit, and 15 alliances.</summary>
    public static Plan AtTheLimits()
    {
        var kinds = Enum.GetValues<PartnerKind>();
        var partners = Enumerable.Range(1, 60).Select(i => new Partner(
            "p" + i.ToString(CultureInfo.InvariantCulture),
            $"Partner {i}: Foreningen for særdeles langvarige og æøå-rike navn på grønne områder i kommunen nr. {i}",
            i % 4 == 0 ? PartnerSide.AtHome : PartnerSide.Outside,
            kinds[i % kinds.Length],
            i % 3 == 0 ? null : new string('ø', 20) + " mobiliseres " + i.ToString(CultureInfo.InvariantCulture))).ToImmutableList();
        var alliances = Enumerable.Range(1, 15).Select(i => new Alliance(
            "l" + i.ToString(CultureInfo.InvariantCulture),
            $"Allianse {i} for bærekraftig æøå-samarbeid med et langt navn",
            [.. partners.Skip(i * 3).Take(4).Select(p => p.Id)],
            "Formål " + i.ToString(CultureInfo.InvariantCulture))).ToImmutableList();
        return new Plan
        {
            Id = "plan-full",
            OwnerId = "user-1",
            OwnerName = "Kari Nordmann",
            Title = new string('Å', 10) + " – en svært lang tittel på et tiltak som fyller hele overskriften og mer til, med æ, ø og å",
            Arena = WheelArena.PolicyWithCitizens,
            Variant = CoCreationVariant.CoProduction,
            Phase = Phase.Implementation,
            Goal = new string('x', PlanLimits.AnswerLength),
            Partners = partners,
            Collaboration = "Sammen.",
            RelatedActivities = [.. Enumerable.Range(1, 15).Select(i => new RelatedActivity("a" + i.ToString(CultureInfo.InvariantCulture), "Aktivitet " + i.ToString(CultureInfo.InvariantCulture)))],
            Alliances = alliances,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
    }
}
