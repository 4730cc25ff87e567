using System.Globalization;
using Samskapelse.Cards.Model;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using static Samskapelse.Cards.CardParts;

namespace Samskapelse.Cards.Planning;

/// <summary>Cards around the plans: welcome, help, the list of plans, deleting, and editing the code of conduct.</summary>
public static class ManagementCards
{
    public static AdaptiveCard Welcome(Language language, Plan? activePlan)
    {
        var actions = new List<CardAction>
        {
            Submit(language.T("Action_StartPlan"), Verbs.StartPlan, validate: false),
            Submit(language.T("Action_MyPlans"), Verbs.ListPlans, validate: false),
            Submit(language.T("Action_Help"), Verbs.Help, validate: false).Secondary(),
        };

        return Card(
            language.T("Welcome_Heading"),
            [
                Heading(language.T("Welcome_Heading")),
                Plain(language.T("Welcome_Body")),
                WhatIsCoCreation(language),
                Plain(language.T("Welcome_Questions")),
                Subtle(language.T("Welcome_Language")),

                // "Continue «title»" is as long as the plan's title: a row of its own, above the others.
                activePlan is null ? null : new ActionSet([Submit(language.T("Action_ContinuePlan", activePlan.Title), Verbs.Continue, validate: false) with { Style = "positive" }]) { Spacing = "Medium" },
            ],
            actions);
    }

    public static AdaptiveCard Help(Language language)
    {
        string W(string verb) => CommandParser.Word(language, verb);
        var facts = new List<Fact>
        {
            new(W(Verbs.StartPlan), language.T("Help_Start")),
            new(W(Verbs.ListPlans), language.T("Help_Plans")),
            new(W(Verbs.OpenPlan) + " 2", language.T("Help_Open")),
            new(W(Verbs.RenamePlan) + " 2 …", language.T("Help_Rename")),
            new(W(Verbs.DeletePlan) + " 2", language.T("Help_Delete")),
            new(W(Verbs.EditAnswer) + " 3", language.T("Help_Edit")),
            new(W(Verbs.Back) + " / " + W(Verbs.Skip) + " / " + W(Verbs.Next), language.T("Help_Navigate")),
            new(W(Verbs.Pause) + " / " + W(Verbs.Continue), language.T("Help_Pause")),
            new(W(Verbs.ShowSummary), language.T("Help_Summary")),
            new(W(Verbs.EditCodeOfConduct), language.T("Help_Code")),
            new(Texts.Alternatives(language, "Cmd_Suggest")[0], language.T("Help_Suggest")),
            new(W(Verbs.FollowUp), language.T("Help_FollowUp")),
            new(W(Verbs.SetLanguage) + " nb / da / en", language.T("Help_Language")),
            new(W(Verbs.Share), language.T("Help_Share")),
            new(W(Samskapelse.Method.MethodVerbs.CoCreation), language.T("Help_WhatIsCoCreation")),
            new(W(Samskapelse.Method.MethodVerbs.Maturity), language.T("Help_Maturity")),
            new(W(Samskapelse.Method.MethodVerbs.Reflection), language.T("Help_Reflection")),
            new(Texts.Alternatives(language, "Cmd_Coaching")[0], language.T("Help_Coaching")),
            new(Texts.Alternatives(language, "Cmd_MyData")[0], language.T("Help_MyData")),
            new(Texts.Alternatives(language, "Cmd_DeleteMyData")[0], language.T("Help_DeleteMyData")),
        };

        return Card(
            language.T("Help_Heading"),
            [Heading(language.T("Help_Heading")), Plain(language.T("Help_Intro")), new FactSet(facts), Subtle(language.T("Help_Typing")), WhatIsCoCreation(language)],
            [Submit(language.T("Action_StartPlan"), Verbs.StartPlan, validate: false), Submit(language.T("Action_MyPlans"), Verbs.ListPlans, validate: false)]);
    }

    /// <summary>"What is co-creation?" on a row of its own in the card's body: the row of actions below is full on a phone.</summary>
    private static ActionSet WhatIsCoCreation(Language language) =>
        new([Submit(language.T("Action_WhatIsCoCreation"), Samskapelse.Method.MethodVerbs.CoCreation, validate: false)]) { Spacing = "Small" };

    public static AdaptiveCard PlanList(Language language, IReadOnlyList<Plan> plans, string? activePlanId, int card)
    {
        var body = new List<CardElement?>(plans.Count + 1) { Heading(language.T("Plans_Heading", plans.Count)) };
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            var status = plan.IsComplete ? language.T("Plans_StatusComplete") : language.T("Plans_StatusProgress", PlanProgress.Answered(plan), PlanSteps.QuestionCount);
            var marker = plan.Id == activePlanId ? " · " + language.T("Plans_Open") : string.Empty;
            var rename = new AdaptiveCard
            {
                Body = [new TextInput(language.T("Plans_NewTitleLabel")) { Id = CardData.NewTitle(plan.Id), Value = plan.Title, MaxLength = PlanLimits.TitleLength, IsRequired = true, ErrorMessage = language.T("Setup_TitleRequired") }],
                Actions = [Submit(language.T("Action_Save"), Verbs.RenamePlan, card, plan.Id)],
            };
            body.Add(new Container(
            [
                UserText(string.Create(CultureInfo.InvariantCulture, $"{i + 1} · {plan.Title}"), "Bolder"),
                Subtle(status + " · " + language.T("Plans_Updated", plan.UpdatedAt.ToString("d", language.Culture())) + marker),
                new ActionSet(
                [
                    Submit(language.T("Action_Open"), Verbs.OpenPlan, card, plan.Id, false),
                    new ShowCardAction(language.T("Action_Rename"), rename),
                    Submit(language.T("Action_Delete"), Verbs.DeletePlan, card, plan.Id, false),
                ]),
            ])
            { Separator = i > 0, Spacing = "Medium" });
        }

        return Card(language.T("Plans_Heading", plans.Count), body, [Submit(language.T("Action_StartPlan"), Verbs.StartPlan, validate: false)]);
    }

    public static AdaptiveCard SharePicker(Language language, IReadOnlyList<Plan> plans, IReadOnlyList<KnownChat> chats, int card)
    {
        var kinds = Enum.GetNames<Samskapelse.Review.SharedCardKind>().Select(k => new Choice(language.T("Share_Kind_" + k + "_Label"), k)).ToList();
        return Card(
            language.T("Share_PickerHeading"),
            [
                Heading(language.T("Share_PickerHeading")),
                Subtle(language.T("Share_PickerIntro")),
                new ChoiceSetInput(language.T("Share_PlanLabel"), [.. plans.Select(p => new Choice(p.Title, p.Id))]) { Id = CardData.Plan, Style = "compact", Value = plans[0].Id, IsRequired = true, ErrorMessage = language.T("Share_PickBoth") },
                new ChoiceSetInput(language.T("Share_ChatLabel"), [.. chats.OrderByDescending(c => c.LastSeen).Select(c => new Choice(c.Title, c.ConversationId))]) { Id = CardData.Chat, Style = "compact", IsRequired = true, ErrorMessage = language.T("Share_PickBoth") },
                new ChoiceSetInput(language.T("Share_KindLabel"), kinds) { Id = CardData.ShareKind, Style = "expanded", Value = "Plan" },
            ],
            [Submit(language.T("Share_Action"), Verbs.ShareSend, card)]);
    }

    public static AdaptiveCard ConfirmDelete(Language language, Plan plan, int card) =>
        Card(
            language.T("Delete_Heading", plan.Title),
            [UserHeading(language.T("Delete_Heading", plan.Title)), Plain(language.T("Delete_Body"))],
            [
                Submit(language.T("Action_DeleteConfirm"), Verbs.ConfirmDelete, card, plan.Id, false),
                Submit(language.T("Action_Cancel"), Verbs.CancelDelete, card, plan.Id, false),
            ]);

    /// <summary>"Your answer, or a command?": two buttons, and nothing changes until one is pressed.</summary>
    public static AdaptiveCard AnswerOrCommand(Language language, string text, string title, int question, int card) =>
        Card(
            language.T("Ambiguous_Heading"),
            [
                Heading(language.T("Ambiguous_Heading")),
                UserText(question == 0 ? language.T("Ambiguous_BodyTitle", text, title) : language.T("Ambiguous_Body", text, question, title)),

                // Two long choices, one under the other: side by side they do not fit a phone.
                .. Stacked(
                [
                    Submit(question == 0 ? language.T("Ambiguous_SaveTitle") : language.T("Ambiguous_SaveAnswer", question), Verbs.ChooseAnswer, card, validate: false) with { Style = "positive" },
                    Submit(language.T("Ambiguous_StartPlan"), Verbs.ChooseCommand, card, validate: false),
                ]),
            ]);

    /// <summary>A message that was no command: the command the user most likely meant, on a button that runs it.</summary>
    public static AdaptiveCard CommandSuggestion(Language language, string typed, string suggestion) =>
        Card(
            language.T("Unknown_DidYouMean", typed, suggestion),
            [UserText(language.T("Unknown_DidYouMean", typed, suggestion)), Subtle(language.T("Unknown_RunHint"))],
            [Submit(suggestion, Verbs.RunCommand, validate: false, extra: (CardData.Text, suggestion))]);

    public static AdaptiveCard CodeOfConductEditor(Language language, Plan plan, int card, TextReply? notice)
    {
        var body = new List<CardElement?>
        {
            UserSubtle(plan.Title),
            Heading(language.T("Code_EditHeading")),
            Subtle(language.T("Code_EditIntro")),
            Notice(language, notice),
        };
        var number = 0;
        foreach (var principle in plan.CodeOfConduct)
        {
            number++;
            body.Add(new TextInput(language.T("Code_PrincipleLabel", number))
            {
                Id = CardData.PrincipleText(principle.Id),
                Value = language.PrincipleText(principle),
                IsMultiline = true,
                MaxLength = PlanLimits.ItemLength,
                Separator = number > 1,
            });
            body.Add(new ToggleInput(language.T("Code_RemoveLabel", number), language.T("Code_RemoveTitle")) { Id = CardData.PrincipleRemove(principle.Id), Value = "false", Spacing = "Small" });
        }

        if (plan.CodeOfConduct.Count < PlanLimits.Principles)
        {
            body.Add(new TextInput(language.T("Code_NewLabel")) { Id = CardData.NewPrinciple, IsMultiline = true, MaxLength = PlanLimits.ItemLength, Placeholder = language.T("Code_NewPlaceholder"), Separator = true, Spacing = "Large" });
        }

        return Card(language.T("Code_EditHeading"), body, [Submit(language.T("Action_Save"), Verbs.SaveCodeOfConduct, card, plan.Id)]);
    }
}
