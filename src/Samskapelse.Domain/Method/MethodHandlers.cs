using System.Globalization;
using Samskapelse.Coaching;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Method;

/// <summary>The handlers of the method cards, registered with the planning conversation's.</summary>
public static class MethodHandlers
{
    public static IReadOnlyList<IPlanningHandler> All() =>
        [new CoCreationHandler(), new MaturityHandler(), new SaveMaturityHandler(), new ReflectionHandler(), new SaveReflectionHandler()];
}

/// <summary>Shows a card that reads no plan and changes nothing: these work whatever the conversation stands at.</summary>
internal abstract class MethodHandler : IPlanningHandler
{
    public abstract string Verb { get; }

    public bool NeedsCurrentCard => false;

    public abstract Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken);
}

internal sealed class CoCreationHandler : MethodHandler
{
    public override string Verb => MethodVerbs.CoCreation;

    public override Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        turn.Show(new CoCreationReply());
        return Task.CompletedTask;
    }
}

internal sealed class MaturityHandler : MethodHandler
{
    public override string Verb => MethodVerbs.Maturity;

    public override Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        turn.Show(new MaturityReply(turn.Profile.SelfAssessment));
        return Task.CompletedTask;
    }
}

internal sealed class ReflectionHandler : MethodHandler
{
    public override string Verb => MethodVerbs.Reflection;

    public override Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        turn.Show(new ReflectionReply(turn.Profile.SelfAssessment));
        return Task.CompletedTask;
    }
}

internal sealed class SaveMaturityHandler : MethodHandler
{
    public override string Verb => MethodVerbs.SaveMaturity;

    public override Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var current = turn.Profile.SelfAssessment ?? new SelfAssessment();
        var chosen = intent.Field(MethodFields.Maturity);
        if (string.IsNullOrWhiteSpace(chosen) || int.TryParse(chosen, out _) || !Enum.TryParse<MaturityStep>(chosen, out var step) || !Enum.IsDefined(step))
        {
            turn.Show(new MaturityReply(current, new TextReply("Error_MaturityChoose")));
            return Task.CompletedTask;
        }

        var note = intent.Field(MethodFields.MaturityNote)?.Trim();
        if (note?.Length > CoachingLimits.ReflectionLength)
        {
            turn.Show(new MaturityReply(current, new TextReply("Error_TooLong", note.Length, CoachingLimits.ReflectionLength)));
            return Task.CompletedTask;
        }

        var saved = current with { Maturity = step, MaturityNote = string.IsNullOrEmpty(note) ? null : note, MaturityAt = turn.Now };
        turn.Profile = turn.Profile with { SelfAssessment = saved };
        turn.Show(new MaturityReply(saved, new TextReply("Maturity_Saved")));
        return Task.CompletedTask;
    }
}

internal sealed class SaveReflectionHandler : MethodHandler
{
    public override string Verb => MethodVerbs.SaveReflection;

    public override Task HandleAsync(PlanningTurn turn, Intent intent, CancellationToken cancellationToken)
    {
        var current = turn.Profile.SelfAssessment ?? new SelfAssessment();
        TextReply? problem = null;

        var competences = new List<CompetenceNote>();
        foreach (var competence in Enum.GetValues<Competence>())
        {
            var scoreText = intent.Field(MethodFields.Score(competence));
            int? score = null;
            if (!string.IsNullOrWhiteSpace(scoreText))
            {
                if (!int.TryParse(scoreText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1 or > 5)
                {
                    problem ??= new TextReply("Coach_ScoreRange");
                    continue;
                }

                score = parsed;
            }

            var note = intent.TextField(MethodFields.CompetenceNote(competence), CoachingLimits.ReflectionLength, ref problem);
            if (score is not null || note is not null)
            {
                competences.Add(new CompetenceNote(competence, score, note));
            }
        }

        var roles = new List<RoleNote>();
        foreach (var role in Enum.GetValues<LeaderRole>())
        {
            var inPlace = string.Equals(intent.Field(MethodFields.Role(role)), "true", StringComparison.OrdinalIgnoreCase);
            var note = intent.TextField(MethodFields.RoleNote(role), CoachingLimits.RoleReflectionLength, ref problem);
            if (inPlace || note is not null)
            {
                roles.Add(new RoleNote(role, inPlace, note));
            }
        }

        if (problem is not null)
        {
            turn.Show(new ReflectionReply(current, problem));
            return Task.CompletedTask;
        }

        var saved = current with { Competences = [.. competences], Roles = [.. roles], ReflectionAt = turn.Now };
        turn.Profile = turn.Profile with { SelfAssessment = saved };
        turn.Show(new ReflectionReply(saved, new TextReply("Reflection_Saved")));
        return Task.CompletedTask;
    }
}
