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
        var data = new Dictionary<string, string>(3, StringComparer.Ordinal) { [CardData.Verb] = verb };
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
        data.EnsureCapacity(data.Count + extra.Length);
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
            Body = WithoutNulls(body),
            Actions = actionList is { Count: > 0 } ? actionList : null,
            Teams = new TeamsCardProperties("Full"),
        };
    }

    /// <summary>The elements that are there; optional parts of a card are null when left out.</summary>
    public static List<CardElement> WithoutNulls(IEnumerable<CardElement?> elements)
    {
        var present = new List<CardElement>(elements.TryGetNonEnumeratedCount(out var count) ? count : 0);
        foreach (var element in elements)
        {
            if (element is not null)
            {
                present.Add(element);
            }
        }

        return present;
    }

    /// <summary>
    /// Each partner's name by id, looked up once per card: an alliance names up to ten of up to forty
    /// partners, and searching the plan for every name made the alliance cards slow. The first partner
    /// with an id wins, as in <see cref="Plan.FindPartner"/>.
    /// </summary>
    public static Dictionary<string, string> PartnerNames(Plan plan, Func<string, string>? display = null)
    {
        var names = new Dictionary<string, string>(plan.Partners.Count, StringComparer.Ordinal);
        foreach (var partner in plan.Partners)
        {
            names.TryAdd(partner.Id, display is null ? partner.Name : display(partner.Name));
        }

        return names;
    }

    /// <summary>The names of the alliance's partners that are still in the plan, in the alliance's order.</summary>
    public static List<string> MemberNames(this Alliance alliance, Dictionary<string, string> partnerNames)
    {
        var members = new List<string>(alliance.PartnerIds.Count);
        foreach (var id in alliance.PartnerIds)
        {
            if (partnerNames.TryGetValue(id, out var name))
            {
                members.Add(name);
            }
        }

        return members;
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
