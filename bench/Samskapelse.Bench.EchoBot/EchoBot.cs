using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Samskapelse.Bench.EchoBot;

/// <summary>Counts the turns of each conversation in ConversationState and answers every turn with one small card.</summary>
public sealed class EchoBot(ConversationState conversationState) : ActivityHandler
{
    private readonly IStatePropertyAccessor<int> turns = conversationState.CreateProperty<int>("turns");

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var said = activity.Text ?? (activity.Value as JObject)?["verb"]?.ToString() ?? string.Empty;
        await ReplyAsync(turnContext, said, cancellationToken);
    }

    protected override Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        ReplyAsync(turnContext, "welcome", cancellationToken);

    private async Task ReplyAsync(ITurnContext turnContext, string said, CancellationToken cancellationToken)
    {
        var turn = await turns.GetAsync(turnContext, () => 0, cancellationToken) + 1;
        await turns.SetAsync(turnContext, turn, cancellationToken);
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JArray(new JObject { ["type"] = "TextBlock", ["text"] = $"Turn {turn.ToString(CultureInfo.InvariantCulture)}: {said}", ["wrap"] = true }),
            ["actions"] = new JArray(new JObject { ["type"] = "Action.Submit", ["title"] = "Next", ["data"] = new JObject { ["verb"] = "echo", ["card"] = turn } }),
        };
        await turnContext.SendActivityAsync(MessageFactory.Attachment(new Attachment("application/vnd.microsoft.card.adaptive", content: card)), cancellationToken);
    }
}
