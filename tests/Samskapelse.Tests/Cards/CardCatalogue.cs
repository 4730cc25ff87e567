using Samskapelse.Bot.Planning;
using Samskapelse.Cards.Model;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Cards;

/// <summary>Every card the bot can send, in every language, for an empty, a typical and a full plan.</summary>
public static class CardCatalogue
{
    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        var plans = new[] { SamplePlans.Empty(), SamplePlans.Typical(), SamplePlans.AtTheLimits() };
        var notice = new TextReply("Error_TooLong", 2000, PlanLimits.AnswerLength);
        foreach (var language in Languages.All)
        {
            var replies = new List<(string, Reply)>
            {
                ("welcome", new WelcomeReply(null)),
                ("welcome-with-plan", new WelcomeReply(plans[1])),
                ("help", new HelpReply()),
                ("setup", new SetupReply(1, null)),
                ("setup-notice", new SetupReply(2, new string('x', 10), notice)),
                ("plan-list-full", new PlanListReply([.. Enumerable.Range(0, PlanLimits.PlansPerUser).Select(i => plans[2] with { Id = "p" + i })], "p0", 3)),
            };
            foreach (var plan in plans)
            {
                foreach (var step in Enum.GetValues<PlanStep>())
                {
                    replies.Add(($"{plan.Id}-question-{step}", new QuestionReply(plan, step, 7, notice)));
                }

                replies.Add(($"{plan.Id}-delete", new ConfirmDeleteReply(plan, 8)));
                replies.Add(($"{plan.Id}-code-editor", new CodeOfConductEditorReply(plan with { CodeOfConduct = plan.CodeOfConduct.IsEmpty ? CodeOfConductDrafter.Draft(plan) : plan.CodeOfConduct }, 9, notice)));
            }

            foreach (var (name, reply) in replies)
            {
                yield return ($"{language.Code()}/{name}", ReplyRenderer.CardFor(reply, language));
            }

            foreach (var plan in plans)
            {
                var index = 0;
                foreach (var card in Samskapelse.Cards.Planning.SummaryCards.All(language, plan))
                {
                    yield return ($"{language.Code()}/{plan.Id}-summary-{index++}", card);
                }
            }
        }
    }
}
