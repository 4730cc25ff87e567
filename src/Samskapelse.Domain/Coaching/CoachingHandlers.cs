using System.Globalization;
using Samskapelse.Localization;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Coaching;

/// <summary>Every coaching handler, for the composition root.</summary>
public static class CoachingHandlers
{
    public static IReadOnlyList<ICoachingHandler> All() =>
    [
        new StartHandler(), new SubmitStartHandler(), new ProgressHandler(),
        new MineHandler(), new AcceptHandler(), new DeclineHandler(),
        new AnswerHandler(), new BackHandler(), new SkipHandler(), new PauseHandler(), new ResumeHandler(), new StopHandler(),
        new SummaryHandler(), new ShareHandler(), new ExportHandler(), new DeleteHandler(), new ConfirmDeleteHandler(),
        new ReuseHandler(),
    ];

    /// <summary>
    /// The current step, or first, once, the offer to start from the manager's own self-assessment: when they have one,
    /// the journey has no answers yet and they have not been asked.
    /// </summary>
    internal static void ShowCurrentOrOfferReuse(CoachingTurn turn, CoachingJourney journey)
    {
        if (journey.Status == CoachingStatus.Accepted && journey.ReusedSelfAssessment is null && journey.Answers.IsEmpty && turn.OwnAssessment is { IsEmpty: false })
        {
            turn.Show(new CoachingReuseReply(journey));
            return;
        }

        ShowCurrent(turn, journey);
    }

    /// <summary>The next card for the manager: the current step, or the summary when the journey is done.</summary>
    internal static void ShowCurrent(CoachingTurn turn, CoachingJourney journey, TextReply? notice = null)
    {
        if (journey.Step == JourneyStep.Done || journey.Status == CoachingStatus.Completed)
        {
            turn.Show(new CoachingSummaryReply(journey));
            return;
        }

        turn.Show(new CoachingStepReply(journey, CoachingHints.For(journey.Step, turn.Plans), notice));
    }

    internal static TimeZoneInfo ZoneOf(CoachingTurn turn) => CoachingSchedule.TimeZone(turn.Self?.TimeZone);
}

/// <summary>HR only: the verbs that start and follow journeys. Everyone else is told politely what they can do.</summary>
internal abstract class HrHandler : ICoachingHandler
{
    public abstract string Verb { get; }

    public async Task HandleAsync(CoachingTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        if (!turn.IsHr)
        {
            // A manager who types "coaching" wants their own journey, not HR's tools.
            var mine = await turn.MyJourneyAsync(cancellationToken).ConfigureAwait(false);
            if (Verb == CoachingVerbs.Start && mine is not null)
            {
                await new MineHandler().HandleAsync(turn, intent, cancellationToken).ConfigureAwait(false);
                return;
            }

            turn.Say("Coach_HrOnly", Texts.Alternatives(turn.Language, "Cmd_MyCoaching")[0]);
            return;
        }

        await HandleHrAsync(turn, intent, cancellationToken).ConfigureAwait(false);
    }

    protected abstract Task HandleHrAsync(CoachingTurn turn, Intent intent, CancellationToken cancellationToken);
}

internal sealed class StartHandler : HrHandler
{
    public override string Verb => CoachingVerbs.Start;

    protected override async Task HandleHrAsync(CoachingTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var people = await turn.People.ListAsync(cancellationToken).ConfigureAwait(false);
        var typed = intent.Field(CoachingFields.ManagerName);
        var today = CoachingSchedule.Today(turn.Now, CoachingHandlers.ZoneOf(turn));
        if (string.IsNullOrWhiteSpace(typed))
        {
            turn.Show(new CoachingStartReply(people, null, null, today));
            return;
        }

        var matches = PeopleSearch.Find(people, typed, turn.User.UserId);
        turn.Show(matches.Count == 1
            ? new CoachingStartReply(people, matches[0].UserId, null, today)
            : new CoachingStartReply(matches.Count > 1 ? matches : people, null, typed, today, new TextReply(matches.Count > 1 ? "Coach_SeveralMatch" : "Coach_NobodyMatch", typed)));
    }
}

internal static class PeopleSearch
{
    /// <summary>People whose name is the typed one, else whose name contains it; never the HR user themself.</summary>
    public static IReadOnlyList<Person> Find(IReadOnlyList<Person> people, string typed, string excludeUserId)
    {
        var name = typed.Trim();
        var candidates = people.Where(p => p.UserId != excludeUserId).ToList();
        var exact = candidates.Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
        return exact.Count > 0 ? exact : candidates.Where(p => p.Name.Contains(name, StringComparison.OrdinalIgnoreCase)).ToList();
    }
}

internal sealed class SubmitStartHandler : HrHandler
{
    public override string Verb => CoachingVerbs.SubmitStart;

    protected override async Task HandleHrAsync(CoachingTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var people = await turn.People.ListAsync(cancellationToken).ConfigureAwait(false);
        var zone = CoachingHandlers.ZoneOf(turn);
        var today = CoachingSchedule.Today(turn.Now, zone);
        var selected = intent.Field(CoachingFields.Manager);
        var typed = intent.Field(CoachingFields.ManagerName)?.Trim();
        CoachingStartReply Again(string key, params object[] args) => new(people, selected, typed, today, new TextReply(key, args));

        Person? manager = null;
        if (!string.IsNullOrWhiteSpace(selected))
        {
            manager = people.FirstOrDefault(p => p.UserId == selected);
        }
        else if (!string.IsNullOrWhiteSpace(typed))
        {
            var matches = PeopleSearch.Find(people, typed, turn.User.UserId);
            if (matches.Count != 1)
            {
                turn.Show(matches.Count > 1
                    ? new CoachingStartReply(matches, null, typed, today, new TextReply("Coach_SeveralMatch", typed))
                    : Again("Coach_NobodyMatch", typed));
                if (matches.Count == 0)
                {
                    turn.Show(new CoachingInstallHelpReply(typed));
                }

                return;
            }

            manager = matches[0];
        }

        if (manager is null)
        {
            turn.Show(Again("Coach_ChooseManager"));
            return;
        }

        if (manager.UserId == turn.User.UserId)
        {
            turn.Show(Again("Coach_NotYourself"));
            return;
        }

        var startDate = today;
        var dateText = intent.Field(CoachingFields.StartDate);
        if (!string.IsNullOrWhiteSpace(dateText))
        {
            if (!DateOnly.TryParseExact(dateText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out startDate))
            {
                turn.Show(Again("Coach_BadDate"));
                return;
            }

            if (startDate < today || startDate > today.AddDays(CoachingLimits.StartDaysAhead))
            {
                turn.Show(Again("Coach_DateOutOfRange", CoachingLimits.StartDaysAhead));
                return;
            }
        }

        var rhythm = Enum.TryParse<Rhythm>(intent.Field(CoachingFields.Rhythm), out var chosen) && Enum.IsDefined(chosen) ? chosen : Rhythm.Weekly;
        var note = intent.Field(CoachingFields.Note)?.Trim();
        if (note?.Length > CoachingLimits.NoteLength)
        {
            turn.Show(Again("Error_TooLong", note.Length, CoachingLimits.NoteLength));
            return;
        }

        var mine = await turn.Journeys.ForHrAsync(turn.User.UserId, cancellationToken).ConfigureAwait(false);
        if (mine.Count >= CoachingLimits.JourneysPerHr)
        {
            turn.Say("Coach_TooMany", CoachingLimits.JourneysPerHr);
            return;
        }

        var existing = (await turn.Journeys.ForManagerAsync(manager.UserId, cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(j => j.IsOpen || j.Status is CoachingStatus.Invited or CoachingStatus.AwaitingInstall);
        if (existing is not null)
        {
            turn.Say("Coach_AlreadyRunning", manager.Name);
            return;
        }

        var known = await turn.People.FindAsync(manager.UserId, cancellationToken).ConfigureAwait(false);
        var reachable = known?.Reachable == true;
        var journey = new CoachingJourney
        {
            Id = Guid.NewGuid().ToString("N"),
            Hr = turn.User,
            Manager = manager,
            StartDate = startDate,
            Rhythm = rhythm,
            Note = string.IsNullOrEmpty(note) ? null : note,
            Language = Languages.FromLocale(known?.Locale ?? turn.Language.Code()).Code(),
            Status = reachable ? CoachingStatus.Invited : CoachingStatus.AwaitingInstall,
            CreatedAt = turn.Now,
            UpdatedAt = turn.Now,
        };
        await turn.Journeys.CreateAsync(journey, cancellationToken).ConfigureAwait(false);

        if (reachable)
        {
            turn.Send(manager.UserId, new CoachingInvitationReply(journey), new TextReply("Coach_InviteNotDelivered", manager.Name));
            turn.Say("Coach_Invited", manager.Name);
        }
        else
        {
            // Plainly: the bot cannot write to someone who has never opened it; the invitation waits for them.
            turn.Say("Coach_NotReachable", manager.Name);
            turn.Show(new CoachingInstallHelpReply(manager.Name));
        }
    }
}

internal sealed class ProgressHandler : HrHandler
{
    public override string Verb => CoachingVerbs.Progress;

    protected override async Task HandleHrAsync(CoachingTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var mine = await turn.Journeys.ForHrAsync(turn.User.UserId, cancellationToken).ConfigureAwait(false);
        turn.Show(new CoachingProgressReply([.. mine.OrderByDescending(j => j.CreatedAt).Select(CoachingProgress.Of)]));
    }
}

/// <summary>
/// A verb on the manager's own journey. Card submits name the journey; it must be the speaker's,
/// so a forwarded or stale card can never touch someone else's coaching.
/// </summary>
internal abstract class ManagerHandler : ICoachingHandler
{
    public abstract string Verb { get; }

    /// <summary>True for verbs that need the journey to be accepted and under way.</summary>
    protected virtual bool NeedsOpenJourney => true;

    /// <summary>True for verbs from a step card, which must come from the current step.</summary>
    protected virtual bool NeedsCurrentStep => false;

    public async Task HandleAsync(CoachingTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var id = intent.Field(CoachingFields.Journey);
        var journey = id is null ? await turn.MyJourneyAsync(cancellationToken).ConfigureAwait(false) : await turn.Journeys.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (journey is null || journey.Manager.UserId != turn.User.UserId)
        {
            turn.Say(turn.IsHr ? "Coach_NotYourJourney" : "Coach_NoJourney");
            return;
        }

        if (NeedsOpenJourney && !journey.IsOpen)
        {
            turn.Say(journey.Status switch
            {
                CoachingStatus.Invited or CoachingStatus.AwaitingInstall => "Coach_AnswerInvitationFirst",
                CoachingStatus.Completed => "Coach_AlreadyCompleted",
                _ => "Coach_JourneyEnded",
            });
            if (journey.Status is CoachingStatus.Invited or CoachingStatus.AwaitingInstall)
            {
                turn.Show(new CoachingInvitationReply(journey));
            }

            return;
        }

        if (NeedsCurrentStep && intent.Field(CoachingFields.Step) != journey.Step.ToString())
        {
            CoachingHandlers.ShowCurrent(turn, journey, new TextReply("Coach_StaleCard"));
            return;
        }

        await HandleAsync(turn, journey, intent, cancellationToken).ConfigureAwait(false);
    }

    protected abstract Task HandleAsync(CoachingTurn turn, CoachingJourney journey, Intent intent, CancellationToken cancellationToken);

    protected static Task<CoachingJourney?> ChangeAsync(CoachingTurn turn, CoachingJourney journey, Func<CoachingJourney, CoachingJourney> change, CancellationToken cancellationToken) =>
        turn.Journeys.UpdateAsync(journey.Id, j => change(j).Touched(turn.Now), cancellationToken);

    /// <summary>Moves on from the current step; at the end of a sitting offers the next, at the end finishes.</summary>
    protected static async Task AdvanceAsync(CoachingTurn turn, CoachingJourney journey, CancellationToken cancellationToken)
    {
        var finished = journey.Step;
        var next = finished.Next();
        var updated = await ChangeAsync(turn, journey, j => j.Step != finished ? j : j with
        {
            Step = next,
            Status = next == JourneyStep.Done ? CoachingStatus.Completed : j.Status,
            NextReminderAt = next == JourneyStep.Done ? null : j.NextReminderAt,
        }, cancellationToken).ConfigureAwait(false);
        if (updated is null)
        {
            return;
        }

        if (updated.Status == CoachingStatus.Completed)
        {
            turn.Say("Coach_Completed");
            turn.Show(new CoachingSummaryReply(updated));
            turn.Send(updated.Hr.UserId, new TextReply("Coach_HrCompleted", updated.Manager.Name));
            return;
        }

        if (finished.EndsSitting())
        {
            turn.Show(new CoachingNextSittingReply(updated, IsReminder: false));
            return;
        }

        CoachingHandlers.ShowCurrent(turn, updated);
    }
}

internal sealed class MineHandler : ManagerHandler
{
    public override string Verb => CoachingVerbs.Mine;

    protected override bool NeedsOpenJourney => false;

    protected override Task HandleAsync(CoachingTurn turn, CoachingJourney journey, Intent intent, CancellationToken cancellationToken)
    {
        switch (journey.Status)
        {
            case CoachingStatus.Invited or CoachingStatus.AwaitingInstall:
                turn.Show(new CoachingInvitationReply(journey));
                break;
            case CoachingStatus.Accepted or CoachingStatus.Completed:
                CoachingHandlers.ShowCurrentOrOfferReuse(turn, journey);
                break;
            case CoachingStatus.Paused:
                turn.Show(new CoachingNextSittingReply(journey, IsReminder: false));
                break;
            default:
                turn.Say("Coach_JourneyEnded");
                if (!journey.Answers.IsEmpty)
                {
                    turn.Show(new CoachingSummaryReply(journey));
                }

                break;
        }

        return Task.CompletedTask;
    }
}

internal sealed class AcceptHandler : ManagerHandler
{
    public override string Verb => CoachingVerbs.Accept;

    protected override bool NeedsOpenJourney => false;

    protected override async Task HandleAsync(CoachingTurn turn, CoachingJourney journey, Intent intent, CancellationToken cancellationToken)
    {
        if (journey.Status is not (CoachingStatus.Invited or CoachingStatus.AwaitingInstall))
        {
            turn.Say("Coach_AlreadyAnswered");
            return;
        }

        var zone = CoachingHandlers.ZoneOf(turn);
        var startsLater = journey.StartDate > CoachingSchedule.Today(turn.Now, zone);
        var accepted = await ChangeAsync(turn, journey, j => j.Status is not (CoachingStatus.Invited or CoachingStatus.AwaitingInstall) ? j : j with
        {
            Status = CoachingStatus.Accepted,
            Language = turn.Language.Code(),
            NextReminderAt = startsLater ? CoachingSchedule.StartOf(j.StartDate, zone) : j.Rhythm.After(turn.Now),
        }, cancellationToken).ConfigureAwait(false);
        if (accepted is null)
        {
            return;
        }

        turn.Send(accepted.Hr.UserId, new TextReply("Coach_HrAccepted", accepted.Manager.Name));
        if (startsLater)
        {
            turn.Say("Coach_StartsLater", accepted.StartDate.ToString("D", turn.Language.Culture()));
            return;
        }

        turn.Say("Coach_Welcome");
        CoachingHandlers.ShowCurrentOrOfferReuse(turn, accepted);
    }
}

internal sealed class DeclineHandler : ManagerHandler
{
    public override string Verb => CoachingVerbs.Decline;

    protected override bool NeedsOpenJourney => false;

    protected override async Task HandleAsync(CoachingTurn turn, CoachingJourney journey, Intent intent, CancellationToken cancellationToken)
    {
        if (journey.Status is not (CoachingStatus.Invited or CoachingStatus.AwaitingInstall))
        {
            turn.Say("Coach_AlreadyAnswered");
            return;
        }

        var declined = await ChangeAsync(turn, journey, j => j with { Status = CoachingStatus.Declined, NextReminderAt = null }, cancellationToken).ConfigureAwait(false);
        if (declined is not null)
        {
            turn.Say("Coach_Declined");
            turn.Send(declined.Hr.UserId, new TextReply("Coach_HrDeclined", declined.Manager.Name));
        }
    }
}

internal sealed class AnswerHandler : ManagerHandler
{
    public override string Verb => CoachingVerbs.Answer;

    protected override bool NeedsCurrentStep => true;

    protected override async Task HandleAsync(CoachingTurn turn, CoachingJourney journey, Intent intent, CancellationToken cancellationToken)
    {
        var (answers, problem) = StepAnswers.Read(journey, intent);
        if (problem is not null)
        {
            CoachingHandlers.ShowCurrent(turn, journey, problem);
            return;
        }

        var step = journey.Step;
        var saved = await ChangeAsync(turn, journey, j => j.Step != step ? j : j with { Answers = answers, Skipped = j.Skipped.Remove(step) }, cancellationToken).ConfigureAwait(false);
        if (saved is not null)
        {
            await AdvanceAsync(turn, saved, cancellationToken).ConfigureAwait(false);
        }
    }
}

internal sealed class SkipHandler : ManagerHandler
{
    public override string Verb => CoachingVerbs.Skip;

    protected override bool NeedsCurrentStep => true;

    protected override async Task HandleAsync(CoachingTurn turn, CoachingJourney journey, Intent intent, CancellationToken cancellationToken)
    {
        var step = journey.Step;
        var skipped = await ChangeAsync(turn, journey, j => j.Step != step ? j : j with { Skipped = j.Skipped.Add(step) }, cancellationToken).ConfigureAwait(false);
        if (skipped is not null)
        {
            await AdvanceAsync(turn, skipped, cancellationToken).ConfigureAwait(false);
        }
    }
}

internal sealed class BackHandler : ManagerHandler
{
    public override string Verb => CoachingVerbs.Back;

    protected override bool NeedsCurrentStep => true;

    protected override async Task HandleAsync(CoachingTurn turn, CoachingJourney journey, Intent intent, CancellationToken cancellationToken)
    {
        var previous = journey.Step.Previous();
        if (previous is null)
        {
            CoachingHandlers.ShowCurrent(turn, journey, new TextReply("Error_AtFirstStep"));
            return;
        }

        var step = journey.Step;
        var moved = await ChangeAsync(turn, journey, j => j.Step != step ? j : j with { Step = previous.Value }, cancellationToken).ConfigureAwait(false);
        if (moved is not null)
        {
            CoachingHandlers.ShowCurrent(turn, moved);
        }
    }
}

internal sealed class PauseHandler : ManagerHandler
{
    public override string Verb => CoachingVerbs.Pause;

    protected override async Task HandleAsync(CoachingTurn turn, CoachingJourney journey, Intent intent, CancellationToken cancellationToken)
    {
        await ChangeAsync(turn, journey, j => j.Status == CoachingStatus.Accepted ? j with { Status = CoachingStatus.Paused } : j, cancellationToken).ConfigureAwait(false);
        turn.Say("Coach_Paused", Texts.Alternatives(turn.Language, "Cmd_MyCoaching")[0]);
    }
}

internal sealed class ResumeHandler : ManagerHandler
{
    public override string Verb => CoachingVerbs.Resume;

    protected override async Task HandleAsync(CoachingTurn turn, CoachingJourney journey, Intent intent, CancellationToken cancellationToken)
    {
        var now = turn.Now;
        var resumed = await ChangeAsync(turn, journey, j => j with
        {
            Status = CoachingStatus.Accepted,

            // Reminders missed while paused are not sent late: the rhythm starts again from now.
            NextReminderAt = j.NextReminderAt is { } due && due > now ? due : j.Rhythm.After(now),
        }, cancellationToken).ConfigureAwait(false);
        if (resumed is not null)
        {
            CoachingHandlers.ShowCurrentOrOfferReuse(turn, resumed);
        }
    }
}

internal sealed class StopHandler : ManagerHandler
{
    public override string Verb => CoachingVerbs.Stop;

    protected override async Task HandleAsync(CoachingTurn turn, CoachingJourney journey, Intent intent, CancellationToken cancellationToken)
    {
        var stopped = await ChangeAsync(turn, journey, j => j with { Status = CoachingStatus.Stopped, NextReminderAt = null }, cancellationToken).ConfigureAwait(false);
        if (stopped is null)
        {
            return;
        }

        turn.Say("Coach_Stopped");
        turn.Send(stopped.Hr.UserId, new TextReply("Coach_HrStopped", stopped.Manager.Name));
        if (!stopped.Answers.IsEmpty)
        {
            turn.Show(new CoachingSummaryReply(stopped));
        }
    }
}

internal sealed class SummaryHandler : ManagerHandler
{
    public override string Verb => CoachingVerbs.Summary;

    protected override bool NeedsOpenJourney => false;

    protected override Task HandleAsync(CoachingTurn turn, CoachingJourney journey, Intent intent, CancellationToken cancellationToken)
    {
        turn.Show(new CoachingSummaryReply(journey));
        return Task.CompletedTask;
    }
}

internal sealed class ShareHandler : ManagerHandler
{
    public override string Verb => CoachingVerbs.Share;

    protected override bool NeedsOpenJourney => false;

    protected override async Task HandleAsync(CoachingTurn turn, CoachingJourney journey, Intent intent, CancellationToken cancellationToken)
    {
        if (journey.Answers.IsEmpty)
        {
            turn.Say("Coach_NothingToShare");
            return;
        }

        var shared = await ChangeAsync(turn, journey, j => j with { SharedWithHr = true }, cancellationToken).ConfigureAwait(false);
        if (shared is not null)
        {
            // Only on the manager's explicit press: the one way answers reach HR.
            turn.Send(shared.Hr.UserId, new CoachingSharedSummaryReply(shared), new TextReply("Coach_ShareNotDelivered", shared.Hr.Name));
            turn.Say("Coach_Shared", shared.Hr.Name);
        }
    }
}

internal sealed class ExportHandler : ManagerHandler
{
    public override string Verb => CoachingVerbs.Export;

    protected override bool NeedsOpenJourney => false;

    protected override Task HandleAsync(CoachingTurn turn, CoachingJourney journey, Intent intent, CancellationToken cancellationToken)
    {
        turn.Show(new CoachingExportReply(journey));
        return Task.CompletedTask;
    }
}

internal sealed class DeleteHandler : ManagerHandler
{
    public override string Verb => CoachingVerbs.Delete;

    protected override bool NeedsOpenJourney => false;

    protected override Task HandleAsync(CoachingTurn turn, CoachingJourney journey, Intent intent, CancellationToken cancellationToken)
    {
        turn.Show(new CoachingConfirmDeleteReply(journey));
        return Task.CompletedTask;
    }
}

internal sealed class ConfirmDeleteHandler : ManagerHandler
{
    public override string Verb => CoachingVerbs.ConfirmDelete;

    protected override bool NeedsOpenJourney => false;

    protected override async Task HandleAsync(CoachingTurn turn, CoachingJourney journey, Intent intent, CancellationToken cancellationToken)
    {
        var wasOpen = journey.IsOpen || journey.Status is CoachingStatus.Invited or CoachingStatus.AwaitingInstall;

        // What stays is HR's own record that a journey was started and ended: no answer, no note.
        var deleted = await ChangeAsync(turn, journey, j => j.WithManagersDataDeleted(), cancellationToken).ConfigureAwait(false);
        if (deleted is null)
        {
            return;
        }

        turn.Say("Coach_Deleted");
        if (wasOpen)
        {
            turn.Send(deleted.Hr.UserId, new TextReply("Coach_HrStopped", deleted.Manager.Name));
        }
    }
}

/// <summary>
/// The manager's one tap on "use your own self-assessment?": yes fills the journey's answers from it (as starting values
/// the step cards show, each still the manager's to change), no starts empty. Either way they are not asked again.
/// </summary>
internal sealed class ReuseHandler : ManagerHandler
{
    public override string Verb => CoachingVerbs.Reuse;

    protected override async Task HandleAsync(CoachingTurn turn, CoachingJourney journey, Intent intent, CancellationToken cancellationToken)
    {
        if (journey.ReusedSelfAssessment is not null)
        {
            CoachingHandlers.ShowCurrent(turn, journey, new TextReply("Coach_StaleCard"));
            return;
        }

        var own = turn.OwnAssessment;
        var reuse = string.Equals(intent.Field(CoachingFields.Reuse), "yes", StringComparison.Ordinal) && own is { IsEmpty: false };
        var changed = await ChangeAsync(turn, journey, j => j.ReusedSelfAssessment is not null ? j : j with
        {
            ReusedSelfAssessment = reuse,
            Answers = reuse ? own!.AsJourneyAnswers(j.Answers) : j.Answers,
        }, cancellationToken).ConfigureAwait(false);
        if (changed is null)
        {
            return;
        }

        CoachingHandlers.ShowCurrent(turn, changed, reuse ? new TextReply("Coach_Reused") : null);
    }
}
