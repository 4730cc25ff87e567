using Samskapelse.Localization;

namespace Samskapelse.Planning.Conversation.Handlers;

internal sealed class HelpHandler : IPlanningHandler
{
    public string Verb => Verbs.Help;

    public bool NeedsCurrentCard => false;

    public Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        turn.Show(new HelpReply());
        return Task.CompletedTask;
    }
}

internal sealed class StartPlanHandler : IPlanningHandler
{
    public string Verb => Verbs.StartPlan;

    public bool NeedsCurrentCard => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var plans = await turn.MyPlansAsync(cancellationToken).ConfigureAwait(false);
        if (plans.Count >= PlanLimits.PlansPerUser)
        {
            turn.Say("Error_TooManyPlans", PlanLimits.PlansPerUser);
            return;
        }

        turn.Session = turn.Session with { AwaitingNewPlan = true, ActivePlanId = null, Step = PlanStep.Setup, EditingSingleAnswer = false };
        var title = intent.Field(CardData.Text);
        if (!string.IsNullOrWhiteSpace(title))
        {
            await NewPlan.CreateAsync(turn, Intent.Of(Verbs.SubmitSetup, (CardData.Title, title)), cancellationToken).ConfigureAwait(false);
            return;
        }

        turn.Show(new SetupReply(turn.NextCard(), null));
    }
}

/// <summary>Creates a plan from the setup answers (card or typed title) and asks the first question.</summary>
internal static class NewPlan
{
    public static async Task CreateAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var title = intent.Field(CardData.Title);
        var problem = Answers.Check(title, PlanLimits.TitleLength);
        if (problem is not null)
        {
            turn.Show(new SetupReply(turn.NextCard(), title, problem));
            return;
        }

        var plan = new Plan
        {
            Id = Guid.NewGuid().ToString("N"),
            OwnerId = turn.UserId,
            OwnerName = turn.UserName,
            Title = Answers.Clean(title!),
            Arena = Answers.ParseEnum<WheelArena>(intent.Field(CardData.Arena)),
            Variant = Answers.ParseEnum<CoCreationVariant>(intent.Field(CardData.Variant)),
            Phase = Answers.ParseEnum<Phase>(intent.Field(CardData.Phase)),
            CreatedAt = turn.Now,
            UpdatedAt = turn.Now,
        };

        await turn.Plans.CreateAsync(plan, cancellationToken).ConfigureAwait(false);
        turn.Profile = turn.Profile with { PlanIds = turn.Profile.PlanIds.Add(plan.Id) };
        turn.Session = turn.Session with { ActivePlanId = plan.Id, AwaitingNewPlan = false, Step = PlanStep.Goal, Paused = false };
        turn.AskQuestion(plan, new TextReply("Plan_Created", plan.Title));
    }
}

internal sealed class SubmitSetupHandler : IPlanningHandler
{
    public string Verb => Verbs.SubmitSetup;

    public bool NeedsCurrentCard => true;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var plan = await turn.ActivePlanAsync(cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            await NewPlan.CreateAsync(turn, intent, cancellationToken).ConfigureAwait(false);
            return;
        }

        var title = intent.Field(CardData.Title);
        var problem = Answers.Check(title, PlanLimits.TitleLength);
        if (problem is not null)
        {
            turn.AskQuestion(plan, problem);
            return;
        }

        var updated = await turn.ChangeActivePlanAsync(
            p => p with
            {
                Title = Answers.Clean(title!),
                Arena = Answers.ParseEnum<WheelArena>(intent.Field(CardData.Arena)),
                Variant = Answers.ParseEnum<CoCreationVariant>(intent.Field(CardData.Variant)),
                Phase = Answers.ParseEnum<Phase>(intent.Field(CardData.Phase)),
            },
            cancellationToken).ConfigureAwait(false);
        await Progress.AdvanceAsync(turn, updated ?? plan, cancellationToken).ConfigureAwait(false);
    }
}

internal sealed class ListPlansHandler : IPlanningHandler
{
    public string Verb => Verbs.ListPlans;

    public bool NeedsCurrentCard => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var plans = await turn.MyPlansAsync(cancellationToken).ConfigureAwait(false);
        if (plans.Count == 0)
        {
            turn.Say("Plans_None", CommandParser.Word(turn.Language, Verbs.StartPlan));
            return;
        }

        turn.Show(new PlanListReply(plans, turn.Session.ActivePlanId, turn.NextCard()));
    }
}

/// <summary>Finds the plan a command or card names: by the card's plan id, or by number or title typed.</summary>
internal static class PlanReference
{
    public static async Task<Plan?> ResolveAsync(PlanningTurn turn, Intent intent, string? typedReference, CancellationToken cancellationToken)
    {
        var plans = await turn.MyPlansAsync(cancellationToken).ConfigureAwait(false);
        var plan = intent.PlanId is not null
            ? plans.FirstOrDefault(p => p.Id == intent.PlanId)
            : PlanLookup.Find(plans, typedReference);

        if (plan is null)
        {
            if (plans.Count == 0)
            {
                turn.Say("Plans_None", CommandParser.Word(turn.Language, Verbs.StartPlan));
            }
            else
            {
                turn.Say("Error_PlanNotFound", typedReference ?? string.Empty, CommandParser.Word(turn.Language, Verbs.ListPlans));
            }
        }

        return plan;
    }
}

internal sealed class OpenPlanHandler : IPlanningHandler
{
    public string Verb => Verbs.OpenPlan;

    public bool NeedsCurrentCard => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var plan = await PlanReference.ResolveAsync(turn, intent, intent.Field(CardData.Text), cancellationToken).ConfigureAwait(false);
        if (plan is not null)
        {
            Progress.Resume(turn, plan, "Plan_Opened");
        }
    }
}

internal sealed class RenamePlanHandler : IPlanningHandler
{
    public string Verb => Verbs.RenamePlan;

    public bool NeedsCurrentCard => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        // Typed: "rename 2 New title"; from the plan list card: the plan id and a title input.
        var typed = intent.Field(CardData.Text) ?? string.Empty;
        var parts = typed.Split(' ', 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var reference = parts.Length > 0 ? parts[0] : null;
        var title = intent.PlanId is not null ? intent.Field(CardData.NewTitle(intent.PlanId)) : parts.Length > 1 ? parts[1] : null;

        var plan = await PlanReference.ResolveAsync(turn, intent, reference, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return;
        }

        var problem = Answers.Check(title, PlanLimits.TitleLength);
        if (problem is not null)
        {
            turn.Show(problem);
            turn.Say("Rename_Usage", CommandParser.Word(turn.Language, Verbs.RenamePlan));
            return;
        }

        turn.ChangedPlanIds.Add(plan.Id);
        var renamed = await turn.Plans.UpdateAsync(plan.Id, p => (p with { Title = Answers.Clean(title!) }).Touched(turn.Now), cancellationToken).ConfigureAwait(false);
        turn.Say("Plan_Renamed", plan.Title, renamed?.Title ?? title!);
    }
}

internal sealed class DeletePlanHandler : IPlanningHandler
{
    public string Verb => Verbs.DeletePlan;

    public bool NeedsCurrentCard => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var plan = await PlanReference.ResolveAsync(turn, intent, intent.Field(CardData.Text), cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return;
        }

        turn.Session = turn.Session with { PendingDeletePlanId = plan.Id };
        turn.Show(new ConfirmDeleteReply(plan, turn.NextCard()));
    }
}

internal sealed class ConfirmDeleteHandler : IPlanningHandler
{
    public string Verb => Verbs.ConfirmDelete;

    public bool NeedsCurrentCard => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var pending = turn.Session.PendingDeletePlanId;
        if (pending is null || (intent.PlanId is not null && intent.PlanId != pending))
        {
            turn.Say("Error_NothingToConfirm");
            return;
        }

        var plan = await turn.Plans.FindAsync(pending, cancellationToken).ConfigureAwait(false);
        turn.Session = turn.Session with { PendingDeletePlanId = null };
        if (plan is null || plan.OwnerId != turn.UserId)
        {
            turn.Say("Error_NothingToConfirm");
            return;
        }

        await turn.Plans.DeleteAsync(plan.Id, cancellationToken).ConfigureAwait(false);
        turn.Profile = turn.Profile with { PlanIds = turn.Profile.PlanIds.Remove(plan.Id) };
        if (turn.Session.ActivePlanId == plan.Id)
        {
            turn.Session = turn.Session with { ActivePlanId = null, Step = PlanStep.Setup, EditingSingleAnswer = false };
        }

        turn.Say("Plan_Deleted", plan.Title);
    }
}

internal sealed class CancelDeleteHandler : IPlanningHandler
{
    public string Verb => Verbs.CancelDelete;

    public bool NeedsCurrentCard => false;

    public Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        turn.Session = turn.Session with { PendingDeletePlanId = null };
        turn.Say("Plan_DeleteCancelled");
        return Task.CompletedTask;
    }
}

internal sealed class ShowSummaryHandler : IPlanningHandler
{
    public string Verb => Verbs.ShowSummary;

    public bool NeedsCurrentCard => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var plan = intent.PlanId is not null
            ? await PlanReference.ResolveAsync(turn, intent, null, cancellationToken).ConfigureAwait(false)
            : await turn.ActivePlanAsync(cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            turn.Say("NoPlan_Hint");
            return;
        }

        turn.Show(new SummaryReply(plan));
    }
}

internal sealed class SetLanguageHandler : IPlanningHandler
{
    public string Verb => Verbs.SetLanguage;

    public bool NeedsCurrentCard => false;

    public Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var code = intent.Field(CardData.Language) ?? intent.Field(CardData.Text);
        if (!Languages.TryParseCode(code, out var language))
        {
            turn.Say("Language_Usage", CommandParser.Word(turn.Language, Verbs.SetLanguage));
            return Task.CompletedTask;
        }

        turn.Profile = turn.Profile with { PreferredLanguage = language };
        turn.Language = language;
        turn.Say("Language_Set");
        return Task.CompletedTask;
    }
}

internal sealed class UnknownHandler : IPlanningHandler
{
    public string Verb => Verbs.Unknown;

    public bool NeedsCurrentCard => false;

    public Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var text = intent.Field(CardData.Text) ?? string.Empty;
        var suggestion = CommandParser.Suggest(text, turn.Language);
        if (suggestion is not null)
        {
            turn.Show(new CommandSuggestionReply(text.Trim(), suggestion));
        }
        else
        {
            turn.Say("Unknown_Command", CommandParser.Word(turn.Language, Verbs.StartPlan), CommandParser.Word(turn.Language, Verbs.Help));
        }

        return Task.CompletedTask;
    }
}

/// <summary>"share" in personal chat: pick a plan and one of the team chats the user has met the bot in.</summary>
internal sealed class SharePickerHandler : IPlanningHandler
{
    public string Verb => Verbs.Share;

    public bool NeedsCurrentCard => false;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var plans = await turn.MyPlansAsync(cancellationToken).ConfigureAwait(false);
        if (plans.Count == 0)
        {
            turn.Say("Plans_None", CommandParser.Word(turn.Language, Verbs.StartPlan));
            return;
        }

        if (turn.Profile.TeamChats.IsEmpty)
        {
            turn.Say("Share_Usage");
            return;
        }

        turn.Show(new SharePickerReply(plans, turn.Profile.TeamChats, turn.NextCard()));
    }
}

internal sealed class ShareSendHandler : IPlanningHandler
{
    public string Verb => Verbs.ShareSend;

    public bool NeedsCurrentCard => true;

    public async Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var plans = await turn.MyPlansAsync(cancellationToken).ConfigureAwait(false);
        var plan = plans.FirstOrDefault(p => p.Id == intent.Field(CardData.Plan) || p.Id == intent.PlanId);
        var chat = turn.Profile.TeamChats.Find(c => c.ConversationId == intent.Field(CardData.Chat));
        if (plan is null || chat is null)
        {
            turn.Say("Share_PickBoth");
            return;
        }

        turn.Show(new ShareRequest(plan.Id, chat.ConversationId, intent.Field(CardData.ShareKind) ?? "Plan"));
    }
}
