using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Samskapelse.Assistant;
using Samskapelse.Cards.Assistant;
using Samskapelse.Cards.Model;
using Samskapelse.Cards.Planning;
using Samskapelse.Localization;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Bot.Planning;

/// <summary>Turns the conversation's replies into Teams activities in the user's language.</summary>
public static class ReplyRenderer
{
    /// <param name="links">Signed download links per plan id for the summaries; none when absent.</param>
    /// <param name="assistant">Whether the cards offer the assistant's buttons.</param>
    public static IReadOnlyList<IActivity> Render(IEnumerable<Reply> replies, Language language, IReadOnlyDictionary<string, PlanLinks>? links = null, bool assistant = false)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var activities = new List<IActivity>();
        foreach (var reply in replies)
        {
            switch (reply)
            {
                case TextReply text:
                    activities.Add(MessageFactory.Text(Texts.Format(language, text.Key, text.Args)));
                    break;
                case ShareRequest:
                    // Carried out by the bot before rendering; nothing to show for the request itself.
                    break;
                case SummaryReply summary:
                    activities.AddRange(SummaryCards.All(language, summary.Plan, links?.GetValueOrDefault(summary.Plan.Id), assistant).Select(CardActivity));
                    break;
                case AssistantRequestReply:
                    // AssistantDelivery sends the working card and, later, the suggestions.
                    break;
                default:
                    activities.Add(CardActivity(CardFor(reply, language, assistant)));
                    break;
            }
        }

        return activities;
    }

    public static AdaptiveCard CardFor(Reply reply, Language language, bool assistant = false) => reply switch
    {
        WelcomeReply welcome => ManagementCards.Welcome(language, welcome.ActivePlan),
        HelpReply => ManagementCards.Help(language),
        SetupReply setup => QuestionCards.Setup(language, setup.CardSequence, setup.Title, setup.Notice),
        QuestionReply question => QuestionCards.Question(language, question.Plan, question.Step, question.CardSequence, question.Notice, assistant),
        SuggestionsReply suggestions => AssistantCards.Suggestions(language, suggestions.Plan, suggestions.Batch),
        TeamSummaryReply summary => AssistantCards.TeamSummary(language, summary.Plan, summary.Text),
        PlanListReply list => ManagementCards.PlanList(language, list.Plans, list.ActivePlanId, list.CardSequence),
        SharePickerReply picker => ManagementCards.SharePicker(language, picker.Plans, picker.Chats, picker.CardSequence),
        ConfirmDeleteReply delete => ManagementCards.ConfirmDelete(language, delete.Plan, delete.CardSequence),
        AnswerOrCommandReply choice => ManagementCards.AnswerOrCommand(language, choice.Text, choice.Title, choice.Question, choice.CardSequence),
        CommandSuggestionReply suggestion => ManagementCards.CommandSuggestion(language, suggestion.Typed, suggestion.Suggestion),
        FollowUpReply followUp => FollowUpCards.FollowUp(language, followUp.Plan, followUp.CardSequence, followUp.Notice),
        CodeOfConductEditorReply editor => ManagementCards.CodeOfConductEditor(language, editor.Plan, editor.CardSequence, editor.Notice),
        Samskapelse.Method.CoCreationReply => Samskapelse.Cards.Method.MethodCards.CoCreation(language),
        Samskapelse.Method.MaturityReply maturity => Samskapelse.Cards.Method.MethodCards.Maturity(language, maturity.Assessment, maturity.Notice),
        Samskapelse.Method.ReflectionReply reflection => Samskapelse.Cards.Method.MethodCards.Reflection(language, reflection.Assessment, reflection.Notice),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "No card for this reply."),
    };

    public static Attachment CardAttachment(AdaptiveCard card) => new()
    {
        ContentType = CardJson.ContentType,
        Content = CardContent(card),
    };

    /// <summary>
    /// The card's JSON as Bot Builder carries it: a JRaw, which every Newtonsoft writer (the expectReplies
    /// response, the connector client, the invoke response) copies verbatim. A JObject was parsed here and then
    /// walked and copied again by Bot Builder's attachment converter before it was written, for every card.
    /// </summary>
    public static JRaw CardContent(AdaptiveCard card) => new(CardJson.Serialize(card));

    public static IActivity CardActivity(AdaptiveCard card) => MessageFactory.Attachment(CardAttachment(card));
}
