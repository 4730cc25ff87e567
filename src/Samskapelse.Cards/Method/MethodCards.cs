using System.Globalization;
using Samskapelse.Cards.Model;
using Samskapelse.Coaching;
using Samskapelse.Localization;
using Samskapelse.Method;
using Samskapelse.Planning.Conversation;
using static Samskapelse.Cards.CardParts;

namespace Samskapelse.Cards.Method;

/// <summary>
/// The method for a manager alone (issue 16): what co-creation is, the maturity ladder as a self-assessment, and the
/// reflection on the six competences and the leader's special role. Long parts open one at a time, so the card reads
/// on a phone.
/// </summary>
public static class MethodCards
{
    public static AdaptiveCard CoCreation(Language language) =>
        Card(
            language.T("CoCreation_Heading"),
            [
                Heading(language.T("CoCreation_Heading")),
                Plain(language.T("CoCreation_Definition")),
                Subtle(language.T("CoCreation_Arena")),
                Subtle(language.T("CoCreation_Origin")),
                Subtle(language.T("CoCreation_OpenHint")) with { Spacing = "Medium" },
                Part(language, "CoCreation_NotHeading", "CoCreation_NotOutsourcing", "CoCreation_NotConsultation", "CoCreation_NotResignation"),
                Part(
                    language,
                    "CoCreation_VariantsHeading",
                    "CoCreation_VariantsIntro",
                    "CoCreation_Variant1",
                    "CoCreation_Variant2",
                    "CoCreation_Variant3",
                    "CoCreation_Variant4",
                    "CoCreation_BeliefsIntro",
                    "CoCreation_Belief1",
                    "CoCreation_Belief2",
                    "CoCreation_Belief3"),
                Part(language, "CoCreation_WheelHeading", "CoCreation_Wheel1", "CoCreation_Wheel2", "CoCreation_Wheel3", "CoCreation_Wheel4"),
                Part(language, "CoCreation_PhasesHeading", "CoCreation_Phases", "CoCreation_PhasesHint"),
                Part(language, "CoCreation_ContributesHeading", "CoCreation_Contributes1", "CoCreation_Contributes2", "CoCreation_Contributes3", "CoCreation_Contributes4"),
                Part(language, "CoCreation_LeadershipHeading", "CoCreation_Leadership"),
                Part(language, "CoCreation_RisksHeading", "Risk_PartnersFeelHarnessed", "Risk_StaffFeelThreatened"),
            ],
            [
                Submit(language.T("Action_Maturity"), MethodVerbs.Maturity, validate: false),
                Submit(language.T("Action_StartPlan"), Verbs.StartPlan, validate: false),
            ]);

    public static AdaptiveCard Maturity(Language language, SelfAssessment? assessment, TextReply? notice)
    {
        var body = new List<CardElement?>
        {
            Heading(language.T("Maturity_Heading")),
            Subtle(language.T("Maturity_Intro")),
            Notice(language, notice),
        };
        if (assessment?.Maturity is { } step)
        {
            var next = MaturityLadder.Next(step);
            body.Add(new Container(WithoutNulls(
            [
                Subheading(language.T("Maturity_Yours", StepName(language, step))),
                Plain(language.T("Maturity_Meaning_" + step)),
                assessment.MaturityAt is { } at ? Subtle(language.T("Maturity_AssessedOn", at.ToString("d", language.Culture()))) : null,
                Subheading(next is { } up ? language.T("Maturity_NextHeading", StepName(language, up)) : language.T("Maturity_TopHeading")),
                Plain(language.T("Maturity_Next_" + step)),
            ]))
            { Style = "emphasis", Spacing = "Medium" });
        }

        foreach (var rung in MaturityLadder.Steps)
        {
            body.Add(new TextBlock(StepName(language, rung)) { Weight = "Bolder", Spacing = "Medium" });
            body.Add(Subtle(language.T("Maturity_Meaning_" + rung)) with { Spacing = "None" });
        }

        body.Add(new ChoiceSetInput(language.T("Maturity_Label"), [.. MaturityLadder.Steps.Select(m => new Choice(StepName(language, m), m.ToString()))])
        {
            Id = MethodFields.Maturity,
            Style = "expanded",
            Value = assessment?.Maturity?.ToString(),
            IsRequired = true,
            ErrorMessage = language.T("Error_MaturityChoose"),
            Spacing = "Large",
            Separator = true,
        });
        body.Add(new TextInput(language.T("Maturity_NoteLabel"))
        {
            Id = MethodFields.MaturityNote,
            Value = assessment?.MaturityNote,
            IsMultiline = true,
            MaxLength = CoachingLimits.ReflectionLength,
            Placeholder = language.T("Maturity_NotePlaceholder"),
        });
        body.Add(Subtle(language.T("Maturity_Source")));

        return Card(
            language.T("Maturity_Heading"),
            body,
            [
                Submit(language.T("Action_Save"), MethodVerbs.SaveMaturity) with { Style = "positive" },
                Submit(language.T("Action_Reflection"), MethodVerbs.Reflection, validate: false),
            ]);
    }

    public static AdaptiveCard Reflection(Language language, SelfAssessment? assessment, TextReply? notice)
    {
        var body = new List<CardElement?>
        {
            Heading(language.T("Reflection_Heading")),
            Subtle(language.T("Reflection_Intro")),
            Notice(language, notice),
            assessment?.ReflectionAt is { } at ? Subtle(language.T("Reflection_SavedOn", at.ToString("d", language.Culture()))) : null,
            Subheading(language.T("Reflection_CompetencesHeading")),
        };
        foreach (var competence in Enum.GetValues<Competence>())
        {
            var number = ((int)competence).ToString(CultureInfo.InvariantCulture);
            var current = assessment?.For(competence);
            body.Add(new ChoiceSetInput(number + ". " + language.T("Competence_" + competence), [.. Enumerable.Range(1, 5).Select(n => new Choice(language.T("Score_" + n), n.ToString(CultureInfo.InvariantCulture)))])
            {
                Id = MethodFields.Score(competence),
                Style = "compact",
                Placeholder = language.T("Reflection_ScorePlaceholder"),
                Value = current?.Score?.ToString(CultureInfo.InvariantCulture),
                Spacing = "Medium",
                Separator = (int)competence > 1,
            });
            body.Add(new TextInput(language.T("Reflection_NoteLabel", number))
            {
                Id = MethodFields.CompetenceNote(competence),
                Value = current?.Note,
                IsMultiline = true,
                MaxLength = CoachingLimits.ReflectionLength,
                Placeholder = language.T("CompetenceHelp_" + competence),
            });
        }

        body.Add(Subheading(language.T("Reflection_RolesHeading")));
        body.Add(Subtle(language.T("Reflection_RolesIntro")));
        foreach (var role in Enum.GetValues<LeaderRole>())
        {
            var number = ((int)role).ToString(CultureInfo.InvariantCulture);
            var current = assessment?.For(role);
            body.Add(new ToggleInput(number + ". " + language.T("Role_" + role), language.T("CoachStep_RoleToggle"))
            {
                Id = MethodFields.Role(role),
                Value = current?.InPlace == true ? "true" : "false",
                Spacing = "Medium",
                Separator = (int)role > 1,
            });
            body.Add(new TextInput(language.T("Reflection_RoleNoteLabel", number))
            {
                Id = MethodFields.RoleNote(role),
                Value = current?.Note,
                IsMultiline = true,
                MaxLength = CoachingLimits.RoleReflectionLength,
                Placeholder = language.T("CoachStep_RoleReflectionPlaceholder"),
            });
        }

        return Card(
            language.T("Reflection_Heading"),
            body,
            [
                Submit(language.T("Action_Save"), MethodVerbs.SaveReflection) with { Style = "positive" },
                Submit(language.T("Action_Maturity"), MethodVerbs.Maturity, validate: false),
            ]);
    }

    private static string StepName(Language language, MaturityStep step) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)step}. ") + language.T("Maturity_" + step);

    /// <summary>One part of the card behind its heading: a button that opens it below, on its own row so it fits a phone.</summary>
    private static ActionSet Part(Language language, string headingKey, params string[] lineKeys) =>
        new([new ShowCardAction(language.T(headingKey), new AdaptiveCard { Body = [.. lineKeys.Select(k => (CardElement)Plain(language.T(k)) with { Spacing = "Small" })] })])
        {
            Spacing = "Small",
        };
}
