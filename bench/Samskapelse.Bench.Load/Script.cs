using Newtonsoft.Json.Linq;
using Samskapelse.Tests.Support;

namespace Samskapelse.Bench.Load;

/// <summary>One turn of a conversation: what the user does.</summary>
public abstract record UserTurn;

/// <summary>The bot is installed in the personal chat (conversationUpdate with the bot and the user added).</summary>
public sealed record Install : UserTurn;

public sealed record Say(string Text) : UserTurn;

/// <summary>
/// A press on the Action.Submit with <paramref name="Verb"/> on the newest input card, with what the user
/// typed into its inputs (some read from the card, such as the partners' ids).
/// </summary>
public sealed record Press(string Verb, Func<JObject, IEnumerable<(string Id, string Value)>> Inputs) : UserTurn
{
    public Press(string verb, params (string Id, string Value)[] typed)
        : this(verb, _ => typed)
    {
    }
}

/// <summary>
/// A whole guided planning conversation in Norwegian: install, start, the six questions by card buttons
/// and by typing, to the four summary cards, then help. The echo bot gets the same turns.
/// </summary>
public static class Script
{
    public const int SummaryStep = 13;

    public static IReadOnlyList<UserTurn> Planning { get; } =
    [
        new Install(),
        new Say("start Ungdommens hus"),
        new Press("answer.submit", ("answer", "Et hus der ungdom møtes, drevet sammen med dem: trygge kvelder og voksne å spørre.")),
        new Press("partner.add", ("name", "Idrettslaget Ørn"), ("side", "Outside"), ("kind", "Association")),
        new Press("partner.add", ("name", "Helsesykepleierne"), ("side", "AtHome"), ("kind", "OwnUnit")),
        new Say("Ungdomsrådet (innbyggere, ute)"),
        new Press("answer.submit"),
        new Press("answer.submit", card => CardReader.Inputs(card)
            .Select(i => (string?)i["id"] ?? string.Empty)
            .Where(id => id.StartsWith("mobilise_", StringComparison.Ordinal))
            .Select(id => (id, "Invitere dem til å utforme åpningstidene sammen med ungdommen."))),
        new Say("Et felles styre med ungdom, lag og kommunen som møtes hver måned."),
        new Press("activity.add", ("description", "Ungdommens hus i nabokommunen")),
        new Say("Fritidsklubben i sentrum"),
        new Press("answer.submit"),
        new Say("Trygge kvelder: åpne hallen fredager (Idrettslaget Ørn, Helsesykepleierne)"),
        new Press("answer.submit", card => [
            ("name", "Ungdomsstyret"),
            ("partners", string.Join(',', (CardReader.Input(card, "partners")?["choices"] as JArray ?? []).Take(2).Select(c => (string?)c["value"]))),
            ("purpose", "Styre huset sammen"),
        ]),
        new Say("hjelp"),
    ];
}
