using Samskapelse.Localization;

namespace Samskapelse.Planning.Conversation;

/// <summary>
/// Reads a typed partner line such as "Frivilligsentralen (forening, ute)", "Røde Kors (forening, ute; lokaler, folk)"
/// or "Colleagues in home care". Kind, side and what the partner brings may be given in parentheses in any language;
/// otherwise kind and side are guessed from the name, and the partner card lets the owner correct them.
/// </summary>
internal static class PartnerReader
{
    private static readonly (PartnerKind Kind, string[] Stems)[] KindHints =
    [
        (PartnerKind.OwnUnit, ["kolleg", "colleague", "enhet", "enhed", "avdeling", "afdeling", "department", "unit", "staff", "ansatte", "medarbejder", "team", "seksjon", "sektion"]),
        (PartnerKind.Association, ["forening", "frivillig", "volunteer", "association", "organisasjon", "organisation", "lag ", "klubb", "klub", "club", "idrett", "idræt", "menighet", "menighed", "ngo"]),
        (PartnerKind.Business, [" as", " asa", " aps", " a/s", "bedrift", "virksomhed", "firma", "company", "business", "butikk", "butik", "shop", "næringsliv", "erhverv", "ltd"]),
        (PartnerKind.OtherPublicBody, ["kommune", "municipality", "fylke", "region", "etat", "direktorat", "styrelse", "nav", "politi", "police", "sykehus", "sygehus", "hospital", "skole", "school", "universitet", "university", "stat"]),
        (PartnerKind.Citizens, ["innbygger", "borger", "citizen", "resident", "beboer", "foreldre", "forældre", "parent", "ungdom", "unge", "youth", "elev", "pupil", "senior", "eldre", "ældre", "pårørende"]),
    ];

    public static Partner Read(string line, string id)
    {
        var name = line.Trim();
        PartnerKind? kind = null;
        PartnerSide? side = null;

        var resources = new HashSet<PartnerResource>();
        var open = name.LastIndexOf('(');
        if (open > 0 && name.EndsWith(')'))
        {
            // "(forening, ute; lokaler, folk)": kind, side and what the partner brings, in any order, by comma or semicolon.
            var attributes = name[(open + 1)..^1].Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var attribute in attributes)
            {
                kind ??= KindFromWord(attribute);
                side ??= SideFromWord(attribute);
                if (ResourceFromWord(attribute) is { } resource)
                {
                    resources.Add(resource);
                }
            }

            if (kind is not null || side is not null || resources.Count > 0)
            {
                name = name[..open].Trim();
            }
        }

        kind ??= GuessKind(name, side);
        side ??= kind == PartnerKind.OwnUnit ? PartnerSide.AtHome : PartnerSide.Outside;
        return new Partner(id, name, side.Value, kind.Value) { Resources = [.. Enum.GetValues<PartnerResource>().Where(resources.Contains)] };
    }

    public static PartnerResource? ResourceFromWord(string word) =>
        Enum.GetValues<PartnerResource>().Cast<PartnerResource?>().FirstOrDefault(r =>
            Languages.All.Any(l => Answers.MatchesAny(word, l, "ResourceWords_" + r)));

    public static PartnerKind? KindFromWord(string word) =>
        Enum.GetValues<PartnerKind>().Cast<PartnerKind?>().FirstOrDefault(k =>
            Languages.All.Any(l => Answers.MatchesAny(word, l, "Kind_" + k)));

    public static PartnerSide? SideFromWord(string word) =>
        Enum.GetValues<PartnerSide>().Cast<PartnerSide?>().FirstOrDefault(s =>
            Languages.All.Any(l => Answers.MatchesAny(word, l, "SideWords_" + s)));

    private static PartnerKind GuessKind(string name, PartnerSide? side)
    {
        var padded = " " + name.ToLowerInvariant() + " ";
        foreach (var (kind, stems) in KindHints)
        {
            if (stems.Any(stem => padded.Contains(stem, StringComparison.Ordinal)))
            {
                return kind;
            }
        }

        return side == PartnerSide.AtHome ? PartnerKind.OwnUnit : PartnerKind.Association;
    }
}
