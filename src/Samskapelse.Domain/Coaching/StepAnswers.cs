using System.Globalization;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Coaching;

/// <summary>Reads the inputs of one step card into the manager's answers, refusing what is too long or out of range.</summary>
internal static class StepAnswers
{
    public static (JourneyAnswers Answers, TextReply? Problem) Read(CoachingJourney journey, Intent intent)
    {
        var answers = journey.Answers;
        TextReply? problem = null;


        switch (journey.Step)
        {
            case var step when step.IsCompetence():
                var scoreText = intent.Field(CoachingFields.Score);
                int? score = null;
                if (!string.IsNullOrWhiteSpace(scoreText))
                {
                    if (!int.TryParse(scoreText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1 or > 5)
                    {
                        return (answers, new TextReply("Coach_ScoreRange"));
                    }

                    score = parsed;
                }

                var reflection = intent.TextField(CoachingFields.Reflection, CoachingLimits.ReflectionLength, ref problem);
                if (score is null && reflection is null)
                {
                    return (answers, new TextReply("Coach_AnswerOrSkip"));
                }

                answers = answers with { Competences = answers.Competences.SetItem(step.AsCompetence(), new CompetenceAnswer(score, reflection)) };
                break;

            case JourneyStep.SpecialRole:
                foreach (var role in Enum.GetValues<LeaderRole>())
                {
                    var inPlace = string.Equals(intent.Field(CoachingFields.Role(role)), "true", StringComparison.OrdinalIgnoreCase);
                    var roleReflection = intent.TextField(CoachingFields.RoleReflection(role), CoachingLimits.RoleReflectionLength, ref problem);
                    answers = answers with { Roles = answers.Roles.SetItem(role, new RoleAnswer(inPlace, roleReflection)) };
                }

                break;

            case JourneyStep.Maturity:
                var maturityText = intent.Field(CoachingFields.Maturity);
                MaturityStep? maturity = null;
                if (!string.IsNullOrWhiteSpace(maturityText))
                {
                    if (!Enum.TryParse<MaturityStep>(maturityText, out var rung) || !Enum.IsDefined(rung) || int.TryParse(maturityText, out _))
                    {
                        return (answers, new TextReply("Coach_AnswerOrSkip"));
                    }

                    maturity = rung;
                }

                var maturityReflection = intent.TextField(CoachingFields.Reflection, CoachingLimits.ReflectionLength, ref problem);
                if (maturity is null && maturityReflection is null)
                {
                    return (answers, new TextReply("Coach_AnswerOrSkip"));
                }

                answers = answers with { Maturity = maturity, MaturityReflection = maturityReflection };
                break;

            case JourneyStep.Risks:
                var risks = answers.Risks;
                foreach (var risk in Enum.GetValues<CoachingRisk>())
                {
                    var text = intent.TextField(CoachingFields.Risk(risk), CoachingLimits.ReflectionLength, ref problem);
                    risks = text is null ? risks.Remove(risk) : risks.SetItem(risk, text);
                }

                if (risks.IsEmpty)
                {
                    return (answers, new TextReply("Coach_AnswerOrSkip"));
                }

                answers = answers with { Risks = risks };
                break;

            case JourneyStep.Goals:
                var goals = intent.TextField(CoachingFields.Goals, CoachingLimits.GoalsLength, ref problem);
                var nextSteps = intent.TextField(CoachingFields.NextSteps, CoachingLimits.GoalsLength, ref problem);
                if (goals is null && nextSteps is null)
                {
                    return (answers, new TextReply("Coach_AnswerOrSkip"));
                }

                answers = answers with { Goals = goals, NextSteps = nextSteps };
                break;
        }

        return (answers, problem);
    }
}
