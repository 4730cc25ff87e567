using Samskapelse.Cards.Model;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Cards;

/// <summary>The building blocks every card shares, so all cards look and read alike.</summary>
internal static class CardParts
{
    public static TextBlock Heading(string text) => new(text) { Size = "Large", Weight = "Bolder", Style = "heading" };

    public static TextBlock Subheading(string text) => new(text) { Size = "Medium", Weight = "Bolder", Style = "heading", Spacing = "Medium" };

    public static TextBlock Subtle(string text) => new(text) { IsSubtle = true, Spacing = "Small" };

    public static TextBlock Plain(string text) => new(text);

    /// <param name="warning">True for a refusal; otherwise a key starting with "Error_" is one.</param>
    public static TextBlock? Notice(Language language, TextReply? notice, bool warning = false) =>
        notice is null ? null : new TextBlock(Texts.Format(language, notice.Key, notice.Args))
        {
            // Refusals read as warnings; confirmations ("Plan created", "Added 2 partners") must not look like errors.
            Color = warning || notice.Key.StartsWith("Error_", StringComparison.Ordinal) ? "Attention" : "Accent",
            Weight = "Bolder",
        };

    public static Dictionary<string, string> Data(string verb, int? card = null, string? planId = null)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [CardData.Verb] = verb };
        if (card is not null)
        {
            data[CardData.Card] = card.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (planId is not null)
        {
            data[CardData.Plan] = planId;
        }

        return data;
    }

    public static SubmitAction Submit(string title, string verb, int? card = null, string? planId = null, bool validate = true, params (string Key, string Value)[] extra)
    {
        var data = Data(verb, card, planId);
        foreach (var (key, value) in extra)
        {
            data[key] = value;
        }

        return new SubmitAction(title, data) { AssociatedInputs = validate ? null : "none" };
    }

    public static AdaptiveCard Card(string fallback, IEnumerable<CardElement?> body, IEnumerable<CardAction>? actions = null)
    {
        var actionList = actions?.ToList();
        return new AdaptiveCard
        {
            FallbackText = fallback,
            Body = body.OfType<CardElement>().ToList(),
            Actions = actionList is { Count: > 0 } ? actionList : null,
            Teams = new TeamsCardProperties("Full"),
        };
    }

    public static string T(this Language language, string key, params object?[] args) => Texts.Format(language, key, args);

    public static string KindLabel(this Language language, PartnerKind kind) => Texts.Alternatives(language, "Kind_" + kind)[0];

    public static string SideLabel(this Language language, PartnerSide side) => Texts.Get(language, "Side_" + side);

    public static IReadOnlyList<Choice> EnumChoices<TEnum>(Language language, string prefix)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new Choice(Texts.Alternatives(language, prefix + v)[0], v.ToString())).ToList();

    public static string PrincipleText(this Language language, Principle principle) =>
        principle.Text ?? (principle.TemplateKey is null ? string.Empty : Texts.Get(language, principle.TemplateKey));

    public static string OrDash(this string? text) => string.IsNullOrWhiteSpace(text) ? "–" : text;
}
