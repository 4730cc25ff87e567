using System.Text;
using Samskapelse.Cards.Assistant;
using Samskapelse.Cards.Model;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using static Samskapelse.Cards.CardParts;

namespace Samskapelse.Cards.Planning;

/// <summary>
/// The cards that ask: the setup of a plan and the six guiding questions, one at a time, each with
/// its question, a short explanation from the domain, progress, fitting inputs, and
/// Next / Back / Skip / Pause.
/// </summary>
public static class QuestionCards
{
    public static AdaptiveCard Setup(Language language, int card, string? title, TextReply? notice, Plan? existing = null)
    {
        var body = new List<CardElement?>
        {
            Heading(language.T(existing is null ? "Setup_Heading" : "Setup_EditHeading")),
            Subtle(language.T("Setup_Intro")),
            Notice(language, notice),
            new TextInput(language.T("Setup_TitleLabel"))
            {
                Id = CardData.Title,
                Value = existing?.Title ?? title,
                MaxLength = PlanLimits.TitleLength,
                IsRequired = true,
                ErrorMessage = language.T("Setup_TitleRequired"),
                Placeholder = language.T("Setup_TitlePlaceholder"),
            },
            Optional<WheelArena>(language, CardData.Arena, "Setup_ArenaLabel", "Arena_", existing?.Arena?.ToString()),
            Optional<CoCreationVariant>(language, CardData.Variant, "Setup_VariantLabel", "Variant_", existing?.Variant?.ToString()),
            OneLineEach<CoCreationVariant>(language, "Setup_VariantHelp_"),
            Optional<Phase>(language, CardData.Phase, "Setup_PhaseLabel", "Phase_", existing?.Phase?.ToString()),
            OneLineEach<Phase>(language, "Setup_PhaseHelp_"),
        };

        var actions = new List<CardAction>
        {
            Submit(language.T(existing is null ? "Action_StartPlanning" : "Action_Save"), Verbs.SubmitSetup, card, existing?.Id),
        };
        if (existing is not null)
        {
            actions.Add(Submit(language.T("Action_Pause"), Verbs.Pause, card, existing.Id, validate: false));
        }

        return Card(language.T("Setup_Heading"), body, actions);
    }

    public static AdaptiveCard Question(Language language, Plan plan, PlanStep step, int card, TextReply? notice, bool assistant = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (step == PlanStep.Setup)
        {
            return Setup(language, card, plan.Title, notice, plan);
        }

        var number = step.Number();
        var header = new List<CardElement?>
        {
            UserSubtle(language.T("Question_Progress", plan.Title, number, PlanSteps.QuestionCount)),
            Heading(language.T($"Question_{number}_Text")),
            // Two line breaks: Teams and the emulator join lines that a single break separates.
            Subtle(language.T($"Question_{number}_Help").Replace("\n", "\n\n", StringComparison.Ordinal)),
            Notice(language, notice),
        };

        // What the chosen variant and phase ask of this question: one line each.
        header.AddRange(PlanGuidance.HintKeys(plan, number).Select(key => new TextBlock(language.T(key)) { Color = "Accent", Spacing = "Small" }));

        var inputs = step switch
        {
            PlanStep.Goal => [.. TextAnswer(language, plan.Goal), Contributions(language, plan)],
            PlanStep.Collaboration => TextAnswer(language, plan.Collaboration),
            PlanStep.Partners => Partners(language, plan, card),
            PlanStep.Mobilisation => Mobilisation(language, plan),
            PlanStep.RelatedActivities => Activities(language, plan, card),
            _ => Alliances(language, plan, card),
        };

        // List questions carry their add button under the form; the bar at the bottom is the same on every question.
        var actions = new List<CardAction>();
        actions.Add(Submit(language.T("Action_Next"), Verbs.SubmitAnswer, card, plan.Id));
        actions.Add(Submit(language.T("Action_Back"), Verbs.Back, card, plan.Id, validate: false));
        actions.Add(Submit(language.T("Action_Skip"), Verbs.Skip, card, plan.Id, validate: false));
        // Pause waits in the overflow menu: four buttons do not fit a phone's row in Danish.
        actions.Add(Submit(language.T("Action_Pause"), Verbs.Pause, card, plan.Id, validate: false).Secondary());

        return Card(language.T($"Question_{number}_Text"), header.Concat(inputs).Append(AssistantCards.ForQuestion(language, plan, step, assistant)), actions);
    }

    /// <summary>Each choice explained in one line below its list: plain text, so it reads the same on a phone and to a screen reader.</summary>
    private static TextBlock OneLineEach<TEnum>(Language language, string prefix)
        where TEnum : struct, Enum =>
        new(string.Join("\n", Enum.GetValues<TEnum>().Select(value => "- " + language.T(prefix + value)))) { IsSubtle = true, Size = "Small", Spacing = "Small" };

    private static ChoiceSetInput Optional<TEnum>(Language language, string id, string labelKey, string prefix, string? value)
        where TEnum : struct, Enum =>
        new(language.T(labelKey), EnumChoices<TEnum>(language, prefix))
        {
            Id = id,
            Style = "compact",
            Placeholder = language.T("Choice_Optional"),
            Value = value,
        };

    /// <summary>Question 1's optional choice: which of the four things co-creation can contribute the initiative aims at.</summary>
    private static ChoiceSetInput Contributions(Language language, Plan plan) =>
        new(language.T("Goal_ContributionsLabel"), EnumChoices<Contribution>(language, "Contribution_"))
        {
            Id = CardData.Contributions,
            IsMultiSelect = true,
            Style = "compact",
            Placeholder = language.T("Choice_Optional"),
            Value = plan.Contributions.IsEmpty ? null : string.Join(",", plan.Contributions),
        };

    /// <summary>"; brings: knowledge, money" after a partner's kind, or nothing when it brings nothing named.</summary>
    private static string BringsSuffix(Language language, Partner partner) =>
        partner.Resources.IsEmpty ? string.Empty : "; " + language.T("Partners_Brings", language.ResourceList(partner.Resources));

    private static IEnumerable<CardElement?> TextAnswer(Language language, string? current) =>
        [
            new TextInput(language.T("Answer_Label"))
            {
                Id = CardData.Answer,
                Value = current,
                IsMultiline = true,
                MaxLength = PlanLimits.AnswerLength,
                Placeholder = language.T("Answer_Placeholder"),
            },
            Subtle(language.T("Answer_TypeHint", PlanLimits.AnswerLength)),
        ];

    private static List<CardElement?> Partners(Language language, Plan plan, int card)
    {
        var body = new List<CardElement?>();
        foreach (var side in Enum.GetValues<PartnerSide>())
        {
            var partners = plan.Partners.Where(p => p.Side == side).ToList();
            body.Add(Subheading(language.T("Partners_Group_" + side, partners.Count)));
            if (partners.Count == 0)
            {
                body.Add(Subtle(language.T("List_Empty")));
            }

            body.AddRange(partners.Select(p => UserText($"• {p.Name} ({language.KindLabel(p.Kind)}{BringsSuffix(language, p)})", spacing: "None")));
        }

        body.Add(Subheading(language.T("Partners_AddHeading")));
        body.Add(new TextInput(language.T("Partners_NameLabel")) { Id = CardData.Name, MaxLength = PlanLimits.NameLength, Placeholder = language.T("Partners_NamePlaceholder") });
        body.Add(new ChoiceSetInput(language.T("Partners_SideLabel"), EnumChoices<PartnerSide>(language, "Side_")) { Id = CardData.Side, Style = "expanded", Value = nameof(PartnerSide.Outside) });
        body.Add(new ChoiceSetInput(language.T("Partners_KindLabel"), EnumChoices<PartnerKind>(language, "Kind_")) { Id = CardData.Kind, Style = "compact", Placeholder = language.T("Partners_KindGuess") });
        body.Add(new ChoiceSetInput(language.T("Partners_ResourcesLabel"), EnumChoices<PartnerResource>(language, "Resource_"))
        {
            Id = CardData.Resources,
            IsMultiSelect = true,
            Style = "compact",
            Placeholder = language.T("Choice_Optional"),
        });
        body.Add(new ActionSet([Submit(language.T("Partners_Add"), Verbs.AddPartner, card, plan.Id)]));
        body.Add(Subtle(language.T("Partners_TypeHint")));
        body.AddRange(RemoveList(language, card, plan.Id, Verbs.RemovePartner, plan.Partners.Select(p => UserChoice(p.Name, p.Id))));

        return body;
    }

    private static List<CardElement?> Mobilisation(Language language, Plan plan)
    {
        var body = new List<CardElement?>();
        foreach (var side in Enum.GetValues<PartnerSide>())
        {
            var partners = plan.Partners.Where(p => p.Side == side).ToList();
            if (partners.Count == 0)
            {
                continue;
            }

            body.Add(Subheading(language.T("Partners_Group_" + side, partners.Count)));
            body.AddRange(partners.Select(p => new TextInput(language.T("Mobilisation_Label", p.Name, language.KindLabel(p.Kind)))
            {
                Id = CardData.Mobilisation(p.Id),
                Value = p.Mobilisation,
                IsMultiline = true,
                MaxLength = PlanLimits.ItemLength,
                Placeholder = language.T("Mobilisation_Prompt_" + p.Kind),
            }));
        }

        body.Add(Subtle(language.T("Mobilisation_TypeHint")));
        return body;
    }

    private static List<CardElement?> Activities(Language language, Plan plan, int card)
    {
        var body = new List<CardElement?>
        {
            Subheading(language.T("Activities_Heading", plan.RelatedActivities.Count)),
            plan.RelatedActivities.IsEmpty ? Subtle(language.T("List_Empty")) : null,
        };
        body.AddRange(plan.RelatedActivities.Select(a => UserText("• " + a.Description, spacing: "None")));
        body.AddRange(new CardElement?[]
        {
            new TextInput(language.T("Activities_Label")) { Id = CardData.Description, MaxLength = PlanLimits.ItemLength, IsMultiline = true, Placeholder = language.T("Activities_Placeholder") },
            new ActionSet([Submit(language.T("Activities_Add"), Verbs.AddActivity, card, plan.Id)]),
            Subtle(language.T("List_TypeHint")),
        });
        body.AddRange(RemoveList(language, card, plan.Id, Verbs.RemoveActivity, plan.RelatedActivities.Select(a => UserChoice(a.Description, a.Id))));
        return body;
    }

    private static List<CardElement?> Alliances(Language language, Plan plan, int card)
    {
        var body = new List<CardElement?>
        {
            Subheading(language.T("Alliances_Heading", plan.Alliances.Count)),
            plan.Alliances.IsEmpty ? Subtle(language.T("List_Empty")) : null,
        };
        body.AddRange(AllianceList(plan));
        body.AddRange(new CardElement?[]
        {
            Subheading(language.T("Alliances_AddHeading")),
            new TextInput(language.T("Alliances_NameLabel")) { Id = CardData.Name, MaxLength = PlanLimits.NameLength, Placeholder = language.T("Alliances_NamePlaceholder") },
            plan.Partners.IsEmpty ? null : new ChoiceSetInput(language.T("Alliances_PartnersLabel"), plan.Partners.Select(p => UserChoice(p.Name, p.Id)).ToList())
            {
                Id = CardData.Partners,
                IsMultiSelect = true,
                Style = "compact",
                Placeholder = language.T("Alliances_PartnersPlaceholder"),
            },
            new TextInput(language.T("Alliances_PurposeLabel")) { Id = CardData.Purpose, MaxLength = PlanLimits.ItemLength, IsMultiline = true, Placeholder = language.T("Alliances_PurposePlaceholder") },
            new ActionSet([Submit(language.T("Alliances_Add"), Verbs.AddAlliance, card, plan.Id)]),
            Subtle(language.T("Alliances_TypeHint")),
        });
        body.AddRange(RemoveList(language, card, plan.Id, Verbs.RemoveAlliance, plan.Alliances.Select(a => UserChoice(a.Name, a.Id))));
        return body;
    }

    /// <summary>"• name (partners): purpose", a line per alliance, each user text.</summary>
    private static IEnumerable<CardElement> AllianceList(Plan plan)
    {
        var partnerNames = PartnerNames(plan);
        var text = new StringBuilder();
        foreach (var alliance in plan.Alliances)
        {
            text.Clear().Append("• ").Append(alliance.Name);
            var members = alliance.MemberNames(partnerNames);
            if (members.Count > 0)
            {
                text.Append(" (").AppendJoin(", ", members).Append(')');
            }

            if (!string.IsNullOrWhiteSpace(alliance.Purpose))
            {
                text.Append(": ").Append(alliance.Purpose);
            }

            yield return UserText(text.ToString(), spacing: "None");
        }
    }

    // Removal is one multi-select and one button rather than a button per item: it stays small with 40 items, and on a phone.
    // Its items are UserChoice: a multi-select is a list of check boxes, labelled by Markdown TextBlocks.
    private static IEnumerable<CardElement> RemoveList(Language language, int card, string planId, string verb, IEnumerable<Choice> items)
    {
        var choices = items.ToList();
        if (choices.Count == 0)
        {
            yield break;
        }

        yield return new ChoiceSetInput(language.T("List_RemoveLabel"), choices)
        {
            Id = CardData.Item,
            IsMultiSelect = true,
            Style = "compact",
            Placeholder = language.T("List_RemovePlaceholder"),
            Spacing = "Large",
            Separator = true,
        };
        yield return new ActionSet([Submit(language.T("Action_RemoveSelected"), verb, card, planId)]);
    }
}
