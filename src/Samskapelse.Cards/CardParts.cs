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

    /// <summary>
    /// A block holding what a person wrote (a title, a name, an answer, a proposal), or a sentence that quotes it,
    /// shown exactly as written. Teams renders Markdown in a TextBlock (links, emphasis, lists) and cannot be
    /// relied on to honour backslash escapes on every client; a TextRun renders none. Every card shows user text
    /// through this (headings through <see cref="UserHeading"/>), never through <see cref="Plain"/>, <see cref="Subtle"/>, <see cref="Heading"/> or a Fact.
    /// </summary>
    public static RichTextBlock UserText(string text, string? weight = null, bool? subtle = null, string? size = null, string? color = null, string? spacing = null) =>
        new([new TextRun(text) { Weight = weight, IsSubtle = subtle, Size = size, Color = color }]) { Spacing = spacing };

    /// <summary>A card's heading that holds user text (the plan's title): a TextBlock, so it stays a heading, with its Markdown escaped.</summary>
    public static TextBlock UserHeading(string text) => Heading(Markdown.Escape(text));

    /// <summary>A subheading that holds user text, as <see cref="UserHeading"/>.</summary>
    public static TextBlock UserSubheading(string text) => Subheading(Markdown.Escape(text));

    /// <summary>A subtle line that holds user text, as <see cref="Subtle"/>.</summary>
    public static RichTextBlock UserSubtle(string text) => UserText(text, subtle: true, spacing: "Small");

    /// <summary>
    /// A choice named by user text in a multi-select or expanded choice set: clients draw those choices as check boxes
    /// or radio buttons with a TextBlock beside each, which renders Markdown, so the text is escaped as in <see cref="UserHeading"/>.
    /// A compact single choice is a plain drop-down and takes the text as written.
    /// </summary>
    public static Choice UserChoice(string text, string value) => new(Markdown.Escape(text), value);

    /// <summary>A label in bold and what a person wrote after it, in one line: the Fact of a FactSet, without its Markdown.</summary>
    public static RichTextBlock Labelled(string label, string text, string? spacing = "None") =>
        new([new TextRun(label + ": ") { Weight = "Bolder" }, new TextRun(text)]) { Spacing = spacing };

    /// <param name="warning">True for a refusal; otherwise a key starting with "Error_" is one.</param>
    /// <remarks>A notice may quote what someone wrote (a proposal, an alliance's name): it is user text.</remarks>
    public static RichTextBlock? Notice(Language language, TextReply? notice, bool warning = false) =>
        notice is null
            ? null
            : UserText(
                Texts.Format(language, notice.Key, notice.Args),
                weight: "Bolder",
                // Refusals read as warnings; confirmations ("Plan created", "Added 2 partners") must not look like errors.
                color: warning || notice.Key.StartsWith("Error_", StringComparison.Ordinal) ? "Attention" : "Accent");

    /// <summary>
    /// The button in the overflow menu ("…") instead of the row: Teams shows a row of at most six, and a phone
    /// (320 px) has room for about three short ones, so each card keeps its main actions in the row.
    /// </summary>
    public static CardAction Secondary(this CardAction action) => action with { Mode = "secondary" };

    /// <summary>
    /// A card's row of buttons as it fits a phone: up to three stay as they are; with more, the first two stay in
    /// the row and the rest go to the overflow menu, whose "…" takes the third place.
    /// </summary>
    public static List<CardAction> FitRow(List<CardAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        for (var i = 2; actions.Count > 3 && i < actions.Count; i++)
        {
            actions[i] = actions[i].Mode is null ? actions[i].Secondary() : actions[i];
        }

        return actions;
    }

    /// <summary>Buttons one under the other, each in its own row: two long titles side by side do not fit a phone.</summary>
    public static IEnumerable<ActionSet> Stacked(IEnumerable<CardAction> actions) => actions.Select(a => new ActionSet([a]));

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

    public static string ResourceList(this Language language, IEnumerable<PartnerResource> resources) =>
        string.Join(", ", resources.Select(r => Texts.Get(language, "Resource_" + r)));

    public static string ContributionList(this Language language, IEnumerable<Contribution> contributions) =>
        string.Join(", ", contributions.Select(c => Texts.Get(language, "Contribution_" + c)));

    public static string SideLabel(this Language language, PartnerSide side) => Texts.Get(language, "Side_" + side);

    public static IReadOnlyList<Choice> EnumChoices<TEnum>(Language language, string prefix)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => new Choice(Texts.Alternatives(language, prefix + v)[0], v.ToString())).ToList();

    public static string PrincipleText(this Language language, Principle principle) =>
        principle.Text ?? (principle.TemplateKey is null ? string.Empty : Texts.Get(language, principle.TemplateKey));

    public static string OrDash(this string? text) => string.IsNullOrWhiteSpace(text) ? "–" : text;
}
