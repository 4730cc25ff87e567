using System.Globalization;
using Samskapelse.Cards.Model;
using Samskapelse.Coaching;
using Samskapelse.Localization;
using Samskapelse.Planning.Conversation;
using static Samskapelse.Cards.CardParts;

namespace Samskapelse.Cards.Coaching;

/// <summary>
/// The coaching cards. HR's cards take only <see cref="CoachingProgress"/> or a person's name, never a
/// journey's answers; the manager's cards carry the answers and the actions that are theirs alone.
/// </summary>
public static class CoachingCards
{
    public static AdaptiveCard Start(Language language, CoachingStartReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var people = reply.People.OrderBy(p => p.Name, StringComparer.Create(language.Culture(), ignoreCase: true)).Take(CoachingLimits.PeopleOnStartCard).ToList();
        var body = new List<CardElement?>
        {
            Heading(language.T("CoachStart_Heading")),
            Subtle(language.T("CoachStart_Intro")),
            Notice(language, reply.Notice),
            people.Count == 0
                ? Subtle(language.T("CoachStart_NobodyYet"))
                : new ChoiceSetInput(language.T("CoachStart_ManagerLabel"), [.. people.Select(p => new Choice(p.Name, p.UserId))])
                {
                    Id = CoachingFields.Manager,

                    // Teams' people picker (choices.data, Data.Query) is schema 1.6; this static, searchable list is 1.5.
                    Style = "filtered",
                    Placeholder = language.T("CoachStart_ManagerPlaceholder"),
                    Value = reply.SelectedUserId,
                },
            new TextInput(language.T("CoachStart_TypedLabel"))
            {
                Id = CoachingFields.ManagerName,
                Value = reply.TypedName,
                MaxLength = 100,
                Placeholder = language.T("CoachStart_TypedPlaceholder"),
            },
            new DateInput(language.T("CoachStart_DateLabel"))
            {
                Id = CoachingFields.StartDate,
                Value = Iso(reply.Today),
                Min = Iso(reply.Today),
                Max = Iso(reply.Today.AddDays(CoachingLimits.StartDaysAhead)),
            },
            new ChoiceSetInput(language.T("CoachStart_RhythmLabel"), [.. Enum.GetValues<Rhythm>().Select(r => new Choice(language.T("Rhythm_" + r), r.ToString()))])
            {
                Id = CoachingFields.Rhythm,
                Style = "expanded",
                Value = nameof(Rhythm.Weekly),
            },
            new TextInput(language.T("CoachStart_NoteLabel"))
            {
                Id = CoachingFields.Note,
                IsMultiline = true,
                MaxLength = CoachingLimits.NoteLength,
                Placeholder = language.T("CoachStart_NotePlaceholder"),
            },
            Subtle(language.T("CoachStart_Privacy")),
        };
        return Card(language.T("CoachStart_Heading"), body, [Action(language.T("CoachStart_Submit"), CoachingVerbs.SubmitStart)]);
    }

    public static AdaptiveCard Invitation(Language language, CoachingJourney journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var body = new List<CardElement?>
        {
            Heading(language.T("CoachInvite_Heading")),
            UserText(language.T("CoachInvite_Text", journey.Hr.Name)),
            journey.Note is null ? null : UserSubheading(language.T("CoachInvite_Note", journey.Hr.Name)),
            journey.Note is null ? null : UserText(journey.Note),
            new FactSet(
            [
                new Fact(language.T("CoachInvite_Start"), journey.StartDate.ToString("D", language.Culture())),
                new Fact(language.T("CoachInvite_Rhythm"), language.T("Rhythm_" + journey.Rhythm)),
            ]),
            Subtle(language.T("CoachInvite_Privacy")),
        };
        return Card(language.T("CoachInvite_Heading"), body,
        [
            Action(language.T("Action_Accept"), CoachingVerbs.Accept, journey),
            Action(language.T("Action_Decline"), CoachingVerbs.Decline, journey),
        ]);
    }

    /// <summary>"Use your own self-assessment?": yes or no, one tap each.</summary>
    public static AdaptiveCard Reuse(Language language, CoachingJourney journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        SubmitAction Answer(string titleKey, string answer)
        {
            var action = Action(language.T(titleKey), CoachingVerbs.Reuse, journey, validate: false);
            return action with { Data = new Dictionary<string, string>(action.Data, StringComparer.Ordinal) { [CoachingFields.Reuse] = answer } };
        }

        return Card(
            language.T("CoachReuse_Heading"),
            [Heading(language.T("CoachReuse_Heading")), Plain(language.T("CoachReuse_Text"))],
            [Answer("Action_ReuseYes", "yes") with { Style = "positive" }, Answer("Action_ReuseNo", "no")]);
    }

    public static AdaptiveCard Step(Language language, CoachingJourney journey, IReadOnlyList<TextReply> hints, TextReply? notice)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(hints);
        var step = journey.Step;
        var body = new List<CardElement?>
        {
            Subtle(language.T("CoachStep_Progress", step.Number(), JourneySteps.Count, step.Sitting(), JourneySteps.SittingCount)),
        };
        body.AddRange(step switch
        {
            _ when step.IsCompetence() => CompetenceBody(language, journey.Answers, step.AsCompetence()),
            JourneyStep.SpecialRole => RoleBody(language, journey.Answers),
            JourneyStep.Maturity => MaturityBody(language, journey.Answers),
            JourneyStep.Risks => RisksBody(language, journey.Answers),
            _ => GoalsBody(language, journey.Answers),
        });
        body.Insert(3, Notice(language, notice));
        if (hints.Count > 0)
        {
            body.Add(new Container([Subheading(language.T("CoachStep_FromYourPlans")), .. hints.Select(h => UserText(language.T(h.Key, h.Args)))]) { Style = "emphasis", Spacing = "Medium" });
        }

        body.Add(Subtle(language.T("CoachStep_Private")));
        var stop = Card(language.T("Action_StopJourney"), [Plain(language.T("CoachStep_StopQuestion"))], [Action(language.T("Action_StopConfirm"), CoachingVerbs.Stop, journey, validate: false)]);
        return Card(Title(language, step), body,
        [
            Action(language.T("Action_SaveNext"), CoachingVerbs.Answer, journey, withStep: true),
            Action(language.T("Action_Back"), CoachingVerbs.Back, journey, validate: false, withStep: true),
            // Two in the row, the rest in the overflow menu: five buttons do not fit a phone.
            Action(language.T("Action_Skip"), CoachingVerbs.Skip, journey, validate: false, withStep: true).Secondary(),
            Action(language.T("Action_Pause"), CoachingVerbs.Pause, journey, validate: false).Secondary(),
            new ShowCardAction(language.T("Action_StopJourney"), stop with { Teams = null }).Secondary(),
        ]);
    }

    public static AdaptiveCard NextSitting(Language language, CoachingJourney journey, bool isReminder)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var paused = journey.Status == CoachingStatus.Paused;
        var finishedSitting = journey.Step.Sitting() - 1;
        var body = new List<CardElement?>
        {
            Heading(language.T(isReminder ? "CoachNext_ReminderHeading" : "CoachNext_Heading")),
            paused ? Plain(language.T("CoachNext_Paused")) : null,
            !isReminder && !paused && finishedSitting > 0 ? Plain(language.T("CoachNext_Done", finishedSitting, JourneySteps.SittingCount)) : null,
            Plain(language.T("CoachNext_Next", Title(language, journey.Step))),
            !isReminder && !paused && journey.NextReminderAt is { } due ? Subtle(language.T("CoachNext_When", due.ToString("dddd d. MMMM", language.Culture()))) : null,
            Subtle(language.T("CoachStep_Progress", journey.Step.Number(), JourneySteps.Count, journey.Step.Sitting(), JourneySteps.SittingCount)),
        };
        var actions = new List<CardAction>
        {
            Action(language.T(paused ? "Action_Resume" : "Action_ContinueNow"), CoachingVerbs.Resume, journey, validate: false),
        };
        if (!paused)
        {
            actions.Add(Action(language.T("Action_Pause"), CoachingVerbs.Pause, journey, validate: false));
        }

        return Card(language.T(isReminder ? "CoachNext_ReminderHeading" : "CoachNext_Heading"), body, actions);
    }

    /// <summary>HR's overview. Takes progress only: there is nothing private here to leak.</summary>
    public static AdaptiveCard Progress(Language language, IReadOnlyList<CoachingProgress> journeys)
    {
        ArgumentNullException.ThrowIfNull(journeys);
        var body = new List<CardElement?>(3 + Math.Min(journeys.Count, CoachingLimits.JourneysPerHr))
        {
            Heading(language.T("CoachProgress_Heading")),
            Subtle(language.T("CoachProgress_Intro")),
        };
        if (journeys.Count == 0)
        {
            body.Add(Plain(language.T("CoachProgress_Empty")));
        }

        foreach (var progress in journeys.Take(CoachingLimits.JourneysPerHr))
        {
            var status = language.T("ProgressStatus_" + progress.Status);
            if (progress.Status == CoachingProgressStatus.InProgress)
            {
                status += ", " + language.T("CoachProgress_Step", progress.StepNumber, JourneySteps.Count);
            }

            body.Add(new Container(Items(
                UserText(progress.ManagerName, "Bolder"),
                new TextBlock(status) { Spacing = "None" },
                new TextBlock(language.T("CoachProgress_Since", progress.StartDate.ToString("d", language.Culture()), language.T("Rhythm_" + progress.Rhythm))) { IsSubtle = true, Spacing = "None" },
                progress.SummaryShared ? new TextBlock(language.T("CoachProgress_Shared")) { IsSubtle = true, Spacing = "None" } : null)) { Separator = true, Spacing = "Medium" });
        }

        return Card(language.T("CoachProgress_Heading"), body, [Action(language.T("Action_StartCoaching"), CoachingVerbs.Start)]);
    }

    public static AdaptiveCard Summary(Language language, CoachingJourney journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var body = new List<CardElement?> { Heading(language.T("CoachSummary_Heading")), Subtle(language.T("CoachSummary_Private")) };
        body.AddRange(SummaryBody(language, journey.Answers));
        return Card(language.T("CoachSummary_Heading"), body,
        [
            Action(language.T("Action_ShareWithHr"), CoachingVerbs.Share, journey, validate: false),
            Action(language.T("Action_Export"), CoachingVerbs.Export, journey, validate: false).Secondary(),
            Action(language.T("Action_DeleteAll"), CoachingVerbs.Delete, journey, validate: false).Secondary(),
        ]);
    }

    /// <summary>What HR receives when, and only when, the manager presses Share.</summary>
    public static AdaptiveCard SharedSummary(Language language, CoachingJourney journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var body = new List<CardElement?>
        {
            UserHeading(language.T("CoachSummary_SharedHeading", journey.Manager.Name)),
            UserSubtle(language.T("CoachSummary_SharedIntro", journey.Manager.Name)),
        };
        body.AddRange(SummaryBody(language, journey.Answers));
        return Card(language.T("CoachSummary_SharedHeading", journey.Manager.Name), body);
    }

    public static AdaptiveCard Export(Language language, CoachingJourney journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var body = new List<CardElement?> { Heading(language.T("CoachExport_Heading")), Subtle(language.T("CoachExport_File")) };
        body.AddRange(SummaryBody(language, journey.Answers));
        return Card(language.T("CoachExport_Heading"), body);
    }

    public static AdaptiveCard ConfirmDelete(Language language, CoachingJourney journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        return Card(language.T("CoachDelete_Heading"), [Heading(language.T("CoachDelete_Heading")), Plain(language.T("CoachDelete_Text"))],
        [
            Action(language.T("Action_DeleteConfirm"), CoachingVerbs.ConfirmDelete, journey, validate: false),
            Action(language.T("Action_Export"), CoachingVerbs.Export, journey, validate: false),
            Action(language.T("Action_Cancel"), CoachingVerbs.Summary, journey, validate: false),
        ]);
    }

    /// <summary>The message HR can forward to a manager who has not installed the bot yet.</summary>
    public static AdaptiveCard InstallHelp(Language language, string managerName, string? chatLink)
    {
        var body = new List<CardElement?>
        {
            UserSubheading(language.T("CoachInstall_Heading", managerName)),
            new Container(Items(UserText(language.T("CoachInstall_Message", managerName)), chatLink is null ? null : Plain(language.T("CoachInstall_Link", chatLink)))) { Style = "emphasis" },
        };
        return Card(language.T("CoachInstall_Heading", managerName), body);
    }

    public static string Title(Language language, JourneyStep step) => step switch
    {
        _ when step.IsCompetence() => language.T("Competence_" + step.AsCompetence()),
        JourneyStep.SpecialRole => language.T("CoachStep_RoleHeading"),
        JourneyStep.Maturity => language.T("CoachStep_MaturityHeading"),
        JourneyStep.Risks => language.T("CoachStep_RisksHeading"),
        _ => language.T("CoachStep_GoalsHeading"),
    };

    private static IEnumerable<CardElement?> CompetenceBody(Language language, JourneyAnswers answers, Competence competence)
    {
        var current = answers.Competences.GetValueOrDefault(competence);
        return
        [
            Subtle(language.T("CoachStep_CompetenceKicker", (int)competence)),
            Heading(language.T("Competence_" + competence)),
            Subtle(language.T("CompetenceHelp_" + competence)),
            new ChoiceSetInput(language.T("CoachStep_ScoreLabel"), [.. Enumerable.Range(1, 5).Select(n => new Choice(language.T("Score_" + n), n.ToString(CultureInfo.InvariantCulture)))])
            {
                Id = CoachingFields.Score,
                Style = "expanded",
                Value = current?.Score?.ToString(CultureInfo.InvariantCulture),
            },
            Reflection(language, CoachingFields.Reflection, "CoachStep_ReflectionLabel", "CoachStep_ReflectionPlaceholder", current?.Reflection, CoachingLimits.ReflectionLength),
        ];
    }

    private static List<CardElement?> RoleBody(Language language, JourneyAnswers answers)
    {
        var body = new List<CardElement?>
        {
            Subtle(language.T("CoachStep_RoleIntro")),
            Heading(language.T("CoachStep_RoleHeading")),
            null,
        };
        foreach (var role in Enum.GetValues<LeaderRole>())
        {
            var current = answers.Roles.GetValueOrDefault(role);
            var name = language.T("Role_" + role);
            body.Add(new ToggleInput(name, language.T("CoachStep_RoleToggle")) { Id = CoachingFields.Role(role), Value = current?.InPlace == true ? "true" : "false", Spacing = "Medium", Separator = true });
            body.Add(new TextInput(language.T("CoachStep_RoleReflectionLabel", name))
            {
                Id = CoachingFields.RoleReflection(role),
                Value = current?.Reflection,
                IsMultiline = true,
                MaxLength = CoachingLimits.RoleReflectionLength,
                Placeholder = language.T("CoachStep_RoleReflectionPlaceholder"),
            });
        }

        return body;
    }

    private static IEnumerable<CardElement?> MaturityBody(Language language, JourneyAnswers answers) =>
    [
        Subtle(language.T("CoachStep_MaturityIntro")),
        Heading(language.T("CoachStep_MaturityHeading")),
        null,
        new ChoiceSetInput(language.T("CoachStep_MaturityLabel"), [.. Enum.GetValues<MaturityStep>().Select(m => new Choice($"{(int)m}. {language.T("Maturity_" + m)}", m.ToString()))])
        {
            Id = CoachingFields.Maturity,
            Style = "expanded",
            Value = answers.Maturity?.ToString(),
        },
        Reflection(language, CoachingFields.Reflection, "CoachStep_ReflectionLabel", "CoachStep_MaturityReflectionPlaceholder", answers.MaturityReflection, CoachingLimits.ReflectionLength),
    ];

    private static List<CardElement?> RisksBody(Language language, JourneyAnswers answers)
    {
        var body = new List<CardElement?> { Subtle(language.T("CoachStep_RisksIntro")), Heading(language.T("CoachStep_RisksHeading")), null };
        body.AddRange(Enum.GetValues<CoachingRisk>().Select(r =>
            Reflection(language, CoachingFields.Risk(r), "Risk_" + r, "CoachStep_RiskPlaceholder", answers.Risks.GetValueOrDefault(r), CoachingLimits.ReflectionLength)));
        return body;
    }

    private static IEnumerable<CardElement?> GoalsBody(Language language, JourneyAnswers answers) =>
    [
        Subtle(language.T("CoachStep_GoalsIntro")),
        Heading(language.T("CoachStep_GoalsHeading")),
        null,
        Reflection(language, CoachingFields.Goals, "CoachStep_GoalsLabel", "CoachStep_ReflectionPlaceholder", answers.Goals, CoachingLimits.GoalsLength),
        Reflection(language, CoachingFields.NextSteps, "CoachStep_NextStepsLabel", "CoachStep_RoleReflectionPlaceholder", answers.NextSteps, CoachingLimits.GoalsLength),
    ];

    private static TextInput Reflection(Language language, string id, string labelKey, string placeholderKey, string? value, int limit) => new(language.T(labelKey))
    {
        Id = id,
        Value = value,
        IsMultiline = true,
        MaxLength = limit,
        Placeholder = language.T(placeholderKey),
    };

    private static IEnumerable<CardElement?> SummaryBody(Language language, JourneyAnswers answers)
    {
        var notAnswered = language.T("CoachSummary_NotAnswered");
        yield return Subheading(language.T("CoachSummary_Competences"));
        foreach (var competence in Enum.GetValues<Competence>())
        {
            var answer = answers.Competences.GetValueOrDefault(competence);
            var score = answer?.Score is { } s ? language.T("CoachSummary_Score", s) : notAnswered;
            yield return Labelled(language.T("Competence_" + competence), score, "Small");
            if (answer?.Reflection is { } reflection)
            {
                yield return UserText(reflection, subtle: true, spacing: "None");
            }
        }

        yield return Subheading(language.T("CoachSummary_Roles"));
        foreach (var role in Enum.GetValues<LeaderRole>())
        {
            var answer = answers.Roles.GetValueOrDefault(role);
            var state = answer is null ? notAnswered : language.T(answer.InPlace ? "CoachSummary_InPlace" : "CoachSummary_NotInPlace");
            yield return Labelled(language.T("Role_" + role), state, "Small");
            if (answer?.Reflection is { } reflection)
            {
                yield return UserText(reflection, subtle: true, spacing: "None");
            }
        }

        yield return Subheading(language.T("CoachSummary_Maturity"));
        yield return Plain(answers.Maturity is { } rung ? $"{(int)rung}. {language.T("Maturity_" + rung)}" : notAnswered);
        if (answers.MaturityReflection is { } maturityReflection)
        {
            yield return UserText(maturityReflection, subtle: true, spacing: "None");
        }

        yield return Subheading(language.T("CoachSummary_Risks"));
        foreach (var risk in Enum.GetValues<CoachingRisk>())
        {
            yield return new TextBlock(language.T("Risk_" + risk)) { Weight = "Bolder", Spacing = "Small" };
            yield return UserText(answers.Risks.GetValueOrDefault(risk) ?? notAnswered, subtle: true, spacing: "None");
        }

        yield return Subheading(language.T("CoachSummary_Goals"));
        yield return UserText(answers.Goals ?? notAnswered);
        yield return Subheading(language.T("CoachSummary_NextSteps"));
        yield return UserText(answers.NextSteps ?? notAnswered);
    }

    private static SubmitAction Action(string title, string verb, CoachingJourney? journey = null, bool validate = true, bool withStep = false)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [CardData.Verb] = verb };
        if (journey is not null)
        {
            data[CoachingFields.Journey] = journey.Id;
            if (withStep)
            {
                data[CoachingFields.Step] = journey.Step.ToString();
            }
        }

        return new SubmitAction(title, data) { AssociatedInputs = validate ? null : "none" };
    }

    private static List<CardElement> Items(params CardElement?[] items) => WithoutNulls(items);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
