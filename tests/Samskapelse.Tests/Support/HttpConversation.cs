using System.Net;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Samskapelse.Tests.Support;

/// <summary>
/// One user in one conversation with the bot's host over HTTP, as Teams reaches it: POST /api/messages
/// with "deliveryMode": "expectReplies", so the replies come back in the response. With a tenant, every activity
/// names it where Teams does: <c>conversation.tenantId</c> and <c>channelData.tenant.id</c>.
/// </summary>
public sealed class HttpConversation(HttpClient client, string conversationId, string userId, string userName, string conversationType = "personal", string locale = "en-US", string? tenantId = null)
{
    public const string BotId = "28:bot";

    /// <summary>The newest card the bot sent that asks for input (has a card number in its submit data).</summary>
    public JObject? LastInputCard { get; private set; }

    public Task<Replies> SayAsync(string text)
    {
        var activity = Activity(ActivityTypes.Message);
        activity["text"] = text;
        if (text.StartsWith("<at>", StringComparison.Ordinal))
        {
            var mention = text[..(text.IndexOf("</at>", StringComparison.Ordinal) + 5)];
            activity["entities"] = new JArray(new JObject { ["type"] = "mention", ["text"] = mention, ["mentioned"] = new JObject { ["id"] = BotId, ["name"] = "Samskapelse" } });
        }

        return PostAsync(activity);
    }

    /// <summary>Presses a button on the newest input card, with input values the way Teams merges them into the data.</summary>
    public Task<Replies> PressAsync(string buttonTitle, params (string Id, string Value)[] inputs)
    {
        var card = LastInputCard ?? throw new InvalidOperationException("No input card yet.");
        var action = CardReader.FindSubmit(card, buttonTitle) ?? throw new InvalidOperationException($"No button '{buttonTitle}' on the card. Buttons: {string.Join(", ", CardReader.ButtonTitles(card))}");
        return SubmitAsync(CardReader.SubmitValue(card, action, inputs));
    }

    public Task<Replies> SubmitAsync(JObject value)
    {
        var activity = Activity(ActivityTypes.Message);
        activity["value"] = value;
        return PostAsync(activity);
    }

    /// <summary>An Action.Execute press: an adaptiveCard/action invoke, as Teams sends it.</summary>
    public Task<Replies> InvokeAsync(string verb, JObject data, string? replyToId = null)
    {
        var activity = Activity(ActivityTypes.Invoke);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId;
        activity["value"] = new JObject
        {
            ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return PostAsync(activity);
    }

    private JObject Activity(string type)
    {
        var activity = Untenanted(type);
        if (tenantId is not null)
        {
            activity["conversation"]!["tenantId"] = tenantId;
            activity["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = tenantId } };
        }

        return activity;
    }

    private JObject Untenanted(string type) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = "https://smba.invalid/",
        ["deliveryMode"] = "expectReplies",
        ["locale"] = locale,
        ["from"] = new JObject { ["id"] = userId, ["name"] = userName, ["aadObjectId"] = "00000000-0000-0000-0000-" + Math.Abs(userId.GetHashCode(StringComparison.Ordinal)).ToString("D12", System.Globalization.CultureInfo.InvariantCulture) },
        ["recipient"] = new JObject { ["id"] = BotId, ["name"] = "Samskapelse" },
        ["conversation"] = new JObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["isGroup"] = conversationType != "personal" },
    };

    private async Task<Replies> PostAsync(JObject activity)
    {
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The bot answered {(int)response.StatusCode}: {body}");
        }

        var activities = JObject.Parse(body)["activities"]?.ToObject<List<Activity>>() ?? [];
        var replies = new Replies([.. activities]);
        foreach (var card in replies.Cards)
        {
            if (CardReader.CardNumber(card) is not null)
            {
                LastInputCard = card;
            }
        }

        return replies;
    }
}
