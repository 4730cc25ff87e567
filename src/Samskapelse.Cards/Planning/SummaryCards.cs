using System.Globalization;
using Samskapelse.Cards.Assistant;
using Samskapelse.Cards.Model;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using static Samskapelse.Cards.CardParts;

namespace Samskapelse.Cards.Planning;

/// <summary>
/// The summaries of a plan: the overview with the pitfall advice, the partners (outside and at home,
/// and how each is mobilised), alliances with related activities, and the code of conduct.
/// </summary>
public static class SummaryCards
{
    public static IReadOnlyList<AdaptiveCard> All(Language language, Plan plan, PlanLinks? links = null, bool assistant = false) =>
        [Overview(language, plan, links, assistant), Partners(language, plan, links), Alliances(language, plan), CodeOfConduct(language, plan, assistant)];

    public static AdaptiveCard Overview(Language language, Plan plan, PlanLinks? links = null, bool assistant = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var facts = new List<Fact>
        {
            new(language.T("Summary_Updated"), plan.UpdatedAt.ToString("d", language.Culture())),
        };
        if (plan.Arena is { } arena)
        {
            facts.Add(new(language.T("Setup_ArenaLabel"), Texts.Alternatives(language, "Arena_" + arena)[0]));
        }

        if (plan.Variant is { } variant)
        {
            facts.Add(new(language.T("Setup_VariantLabel"), Texts.Alternatives(language, "Variant_" + variant)[0]));
        }

        if (plan.Phase is { } phase)
        {
            facts.Add(new(language.T("Setup_PhaseLabel"), Texts.Alternatives(language, "Phase_" + phase)[0]));
        }

        // A plan nobody has followed up yet looks as before: the status shows once it is more than the start.
        if (plan.Status != PlanStatus.Planning || !plan.FollowUps.IsEmpty)
        {
            facts.Add(new(language.T("Summary_Status"), language.T("Status_" + plan.Status)));
        }

        var body = new List<CardElement?>
        {
            Subtle(language.T("Summary_OverviewKicker")),
            UserHeading(plan.Title),
            Labelled(language.T("Summary_Owner"), plan.OwnerName.OrDash(), null),
            Answer(language, plan, 1, plan.Goal),
            plan.Contributions.IsEmpty ? null : Labelled(language.T("Summary_Contributions"), language.ContributionList(plan.Contributions), "Small"),
            Answer(language, plan, 2, language.T("Summary_PartnerCount", plan.PartnersOutside().Count(), plan.PartnersAtHome().Count())),
            Answer(language, plan, 3, language.T("Summary_MobilisedCount", plan.Partners.Count(p => !string.IsNullOrWhiteSpace(p.Mobilisation)), plan.Partners.Count)),
            Answer(language, plan, 4, plan.Collaboration),
            Answer(language, plan, 5, language.T("Summary_ItemCount", plan.RelatedActivities.Count)),
            Answer(language, plan, 6, language.T("Summary_ItemCount", plan.Alliances.Count)),
        };

        // Label and value in one line each rather than a FactSet: its narrow title column split
        // "samskabelseshjulet" mid-word even at full width, and long values ran past a phone's edge.
        body.InsertRange(3, facts.Select(f => Labelled(f.Title, f.Value)));
        body.Add(FollowUpHistory(language, plan));

        var pitfalls = PitfallCheck.Run(plan);
        body.Add(new Container(
            [
                Subheading(language.T(pitfalls.Count == 0 ? "Pitfalls_NoneHeading" : "Pitfalls_Heading")),
                pitfalls.Count == 0
                    ? Plain(language.T("Pitfalls_None"))
                    : Plain(string.Join("\n", pitfalls.Select(p => "- " + language.T("Pitfall_" + p)))),
                Subtle(language.T("Pitfalls_Footnote")),
            ])
        { Style = pitfalls.Count == 0 ? "good" : "warning", Spacing = "Large" });

        // Downloads and the assistant sit in the body, so the bar keeps within Teams' limit of actions.
        body.Add(ActionRow(DownloadActions(language, links)));
        body.AddRange(Stacked(AssistantCards.ForOverview(language, plan, assistant)));
        return Card(language.T("Summary_OverviewKicker") + ": " + plan.Title, body, EditActions(language, plan));
    }

    public static AdaptiveCard Partners(Language language, Plan plan, PlanLinks? links = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var body = new List<CardElement?>
        {
            UserSubtle(plan.Title),
            Heading(language.T("Summary_PartnersHeading")),
            MapImage(language, plan, links),
        };
        foreach (var side in Enum.GetValues<PartnerSide>())
        {
            var partners = plan.Partners.Where(p => p.Side == side).ToList();
            body.Add(Subheading(language.T("Partners_Group_" + side, partners.Count)));
            if (partners.Count == 0)
            {
                body.Add(Subtle(language.T("List_Empty")));
                continue;
            }

            foreach (var group in partners.GroupBy(p => p.Kind))
            {
                body.Add(new TextBlock(language.KindLabel(group.Key)) { Weight = "Bolder", Spacing = "Small" });
                foreach (var p in group)
                {
                    body.Add(new RichTextBlock(
                    [
                        new TextRun(p.Name + ": ") { Weight = "Bolder" },
                        new TextRun(string.IsNullOrWhiteSpace(p.Mobilisation) ? language.T("Summary_NotMobilised") : p.Mobilisation) { IsSubtle = string.IsNullOrWhiteSpace(p.Mobilisation) },
                    ])
                    { Spacing = "Small" });
                    if (!p.Resources.IsEmpty)
                    {
                        body.Add(new RichTextBlock([new TextRun(language.T("Partners_Brings", language.ResourceList(p.Resources))) { IsSubtle = true }]) { Spacing = "None" });
                    }
                }
            }
        }

        body.AddRange(Stacked([EditAnswer(language, plan, 2), EditAnswer(language, plan, 3)]));
        return Card(language.T("Summary_PartnersHeading") + ": " + plan.Title, body);
    }

    public static AdaptiveCard Alliances(Language language, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var body = new List<CardElement?>(5 + plan.Alliances.Count)
        {
            UserSubtle(plan.Title),
            Heading(language.T("Summary_AlliancesHeading")),
        };
        if (plan.Alliances.IsEmpty)
        {
            body.Add(Subtle(language.T("List_Empty")));
        }

        var partnerNames = PartnerNames(plan);
        foreach (var alliance in plan.Alliances)
        {
            var members = alliance.MemberNames(partnerNames);
            body.Add(new Container(
            [
                UserText(alliance.Name, "Bolder"),
                Labelled(language.T("Alliances_PartnersLabel"), members.Count == 0 ? "–" : string.Join(", ", members), "Small"),
                Labelled(language.T("Alliances_PurposeLabel"), alliance.Purpose.OrDash()),
            ])
            { Separator = true, Spacing = "Medium" });
        }

        body.Add(Subheading(language.T("Summary_ActivitiesHeading")));
        if (plan.RelatedActivities.IsEmpty)
        {
            body.Add(Subtle(language.T("List_Empty")));
        }

        body.AddRange(plan.RelatedActivities.Select(a => UserText("• " + a.Description, spacing: "None")));

        body.AddRange(Stacked([EditAnswer(language, plan, 6), EditAnswer(language, plan, 5)]));
        return Card(language.T("Summary_AlliancesHeading") + ": " + plan.Title, body);
    }

    public static AdaptiveCard CodeOfConduct(Language language, Plan plan, bool assistant = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var principles = plan.CodeOfConduct.IsEmpty ? CodeOfConductDrafter.Draft(plan) : plan.CodeOfConduct;
        var body = new List<CardElement?>
        {
            UserSubtle(plan.Title),
            Heading(language.T("Code_Heading")),
            Subtle(language.T("Code_Intro")),
        };
        foreach (var (p, i) in principles.Select((p, i) => (p, i)))
        {
            body.Add(UserText(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {language.PrincipleText(p)}"), spacing: i == 0 ? null : "Small"));
            body.Add(PrincipleSource(language, p.TemplateKey));
        }

        body.AddRange(PrincipleSuggestions(language, plan));
        body.AddRange(Stacked(AssistantCards.ForCodeOfConduct(language, plan, assistant)));
        return Card(language.T("Code_Heading") + ": " + plan.Title, body, [Submit(language.T("Action_EditCode"), Verbs.EditCodeOfConduct, null, plan.Id, false)]);
    }

    // "Edit: <question>" titles are long ("Edit: How to mobilise them"): one per row, in the body.
    private static SubmitAction EditAnswer(Language language, Plan plan, int question) =>
        Submit(language.T("Action_EditAnswer", language.T($"Question_{question}_Short")), Verbs.EditAnswer, null, plan.Id, false, (CardData.Step, question.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The newest follow-up entries, one compact line each: date, what it is about, what happened.</summary>
    private static Container? FollowUpHistory(Language language, Plan plan)
    {
        if (plan.FollowUps.IsEmpty)
        {
            return null;
        }

        var items = new List<CardElement>
        {
            Subheading(language.T("FollowUp_HistoryHeading", plan.FollowUps.Count)),
        };
        foreach (var entry in plan.LatestFollowUps(PlanLimits.FollowUpsOnOverview))
        {
            items.Add(new RichTextBlock(
            [
                new TextRun(entry.At.ToString("d", language.Culture()) + " · ") { IsSubtle = true },
                new TextRun(FollowUpCards.About(language, entry) + ": ") { Weight = "Bolder" },
                new TextRun(FollowUpCards.What(language, entry)),
            ])
            { Spacing = "Small" });
        }

        if (plan.FollowUps.Count > PlanLimits.FollowUpsOnOverview)
        {
            items.Add(Subtle(language.T("FollowUp_MoreInDocument", plan.FollowUps.Count - PlanLimits.FollowUpsOnOverview)));
        }

        return new Container(items) { Spacing = "Large" };
    }

    /// <summary>Where a drafted principle comes from: a slide of the seed material, or good practice where the slides are silent.</summary>
    private static TextBlock? PrincipleSource(Language language, string? templateKey) =>
        templateKey is null || !CodeOfConductDrafter.SlideSources.TryGetValue(templateKey, out var slide)
            ? null
            : new TextBlock(slide is null ? language.T("Code_SourceGoodPractice") : language.T("Code_SourceSlide", slide)) { IsSubtle = true, Size = "Small", Spacing = "None" };

    /// <summary>Changes the plan now calls for, each with its own accept and ignore buttons; nothing changes until the owner presses one.</summary>
    private static IEnumerable<CardElement?> PrincipleSuggestions(Language language, Plan plan)
    {
        var suggestions = CodeOfConductDrafter.Suggestions(plan);
        if (suggestions.Count == 0)
        {
            yield break;
        }

        yield return Subheading(language.T("Code_SuggestionsHeading"));
        yield return Subtle(language.T("Code_SuggestionsIntro"));
        foreach (var suggestion in suggestions)
        {
            var data = (CardData.Item, suggestion.Id);
            yield return new Container(WithoutNulls(
            [
                Plain(language.T(suggestion.Add ? "Code_SuggestAdd" : "Code_SuggestRemove", language.T(suggestion.TemplateKey))),
                PrincipleSource(language, suggestion.TemplateKey),
                new ActionSet(
                [
                    Submit(language.T(suggestion.Add ? "Action_AddPrinciple" : "Action_RemovePrinciple"), Verbs.AcceptPrincipleSuggestion, null, plan.Id, false, data),
                    Submit(language.T(suggestion.Add ? "Action_IgnoreSuggestion" : "Action_KeepPrinciple"), Verbs.IgnorePrincipleSuggestion, null, plan.Id, false, data),
                ]),
            ])) { Separator = true, Spacing = "Medium" };
        }
    }

    private static Container Answer(Language language, Plan plan, int question, string? answer)
    {
        var skipped = plan.SkippedQuestions.Contains(question);
        var text = !string.IsNullOrWhiteSpace(answer) ? answer : language.T(skipped ? "Summary_Skipped" : "Summary_NoAnswer");
        return new Container(
        [
            new TextBlock(language.T("Summary_QuestionLine", question, language.T($"Question_{question}_Short"))) { Weight = "Bolder", Spacing = "Medium" },
            UserText(text, subtle: string.IsNullOrWhiteSpace(answer) ? true : null, spacing: "Small"),
        ]);
    }

    private static IEnumerable<CardAction> DownloadActions(Language language, PlanLinks? links)
    {
        if (links?.Word is { } word)
        {
            yield return new OpenUrlAction(language.T("Action_DownloadWord"), word);
        }

        if (links?.Markdown is { } markdown)
        {
            yield return new OpenUrlAction(language.T("Action_DownloadMarkdown"), markdown);
        }
    }

    private static Image? MapImage(Language language, Plan plan, PlanLinks? links) =>
        links?.Map is { } map
            ? new Image(map, language.T("Map_AltText", plan.Title, plan.PartnersAtHome().Count(), plan.PartnersOutside().Count(), plan.Alliances.Count)) { Size = "Stretch" }
            : null;

    private static IEnumerable<CardAction> EditActions(Language language, Plan plan)
    {
        var choices = Enumerable.Range(0, PlanSteps.QuestionCount + 1)
            .Select(n => new Choice(n == 0 ? language.T("Edit_SetupChoice") : language.T("Summary_QuestionLine", n, language.T($"Question_{n}_Short")), n.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        var editCard = new AdaptiveCard
        {
            Body = [new ChoiceSetInput(language.T("Edit_WhichLabel"), choices) { Id = CardData.Step, Style = "compact", Value = "1" }],
            Actions = [Submit(language.T("Action_EditThis"), Verbs.EditAnswer, null, plan.Id)],
        };

        return
        [
            new ShowCardAction(language.T("Action_Edit"), editCard),
            // The code card has its own edit button; here it waits in the overflow menu with My plans, so the row fits a phone.
            Submit(language.T("Action_FollowUp"), Verbs.FollowUp, null, plan.Id, false),
            Submit(language.T("Action_EditCode"), Verbs.EditCodeOfConduct, null, plan.Id, false).Secondary(),
            Submit(language.T("Action_MyPlans"), Verbs.ListPlans, null, null, false).Secondary(),
        ];
    }

    private static ActionSet? ActionRow(IEnumerable<CardAction> actions)
    {
        var list = actions.ToList();
        return list.Count == 0 ? null : new ActionSet(list);
    }
}
