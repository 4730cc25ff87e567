using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using Samskapelse.Bench.Connector;
using Samskapelse.Tests.Support;

namespace Samskapelse.Bench.Load;

public enum DeliveryMode
{
    /// <summary>"deliveryMode": "expectReplies": the replies come back in the HTTP response.</summary>
    ExpectReplies,

    /// <summary>The replies go to the Bot Connector stub, as Teams delivers them; the turn is the POST's round trip.</summary>
    Connector,
}

/// <summary>What one conversation did: the time of each turn, the replies it got, and whether it reached its end.</summary>
public sealed record ConversationResult(string ConversationId, string UserId, IReadOnlyList<double> TurnMilliseconds, int Replies, bool Completed);

/// <summary>Plays <see cref="Script.Planning"/> as one user in one personal chat, turn after turn, like real chat.</summary>
public sealed class Conversation(HttpClient http, BotProcess bot, DeliveryMode mode, ConnectorStub connector, bool followsCards, string id)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly string conversationId = "a:bench-" + id;
    private readonly string userId = "29:user-" + id;
    private JObject? inputCard;

    public async Task<ConversationResult> RunAsync(CancellationToken cancellationToken)
    {
        var times = new List<double>(Script.Planning.Count);
        var replies = 0;
        for (var step = 0; step < Script.Planning.Count; step++)
        {
            if (Activity(Script.Planning[step]) is not { } activity)
            {
                return new ConversationResult(conversationId, userId, times, replies, Completed: false);
            }

            using var content = new StringContent(activity.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8);
            content.Headers.ContentType = Json;
            var clock = Stopwatch.StartNew();
            using var response = await http.PostAsync(bot.Messages, content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            times.Add(clock.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                return new ConversationResult(conversationId, userId, times, replies, Completed: false);
            }

            var received = mode == DeliveryMode.ExpectReplies
                ? ((JObject.Parse(body)["activities"] as JArray) ?? []).OfType<JObject>().ToList()
                : connector.Take(conversationId);
            replies += received.Count;
            var cards = received.SelectMany(a => a["attachments"] as JArray ?? [])
                .Where(a => (string?)a["contentType"] == "application/vnd.microsoft.card.adaptive")
                .Select(a => a["content"]).OfType<JObject>().ToList();
            inputCard = cards.LastOrDefault(c => CardReader.CardNumber(c) is not null) ?? inputCard;
            var expected = step == Script.SummaryStep && followsCards ? 4 : 1;
            if (cards.Count < expected)
            {
                return new ConversationResult(conversationId, userId, times, replies, Completed: false);
            }
        }

        return new ConversationResult(conversationId, userId, times, replies, Completed: true);
    }

    private JObject? Activity(UserTurn step) => step switch
    {
        Install => Base("conversationUpdate", new JObject
        {
            ["membersAdded"] = new JArray(new JObject { ["id"] = "28:bot", ["name"] = "Samskapelse" }, new JObject { ["id"] = userId, ["name"] = "Kari Nordmann" }),
        }),
        Say say => Base("message", new JObject { ["text"] = say.Text }),
        Press press => PressValue(press) is { } value ? Base("message", new JObject { ["value"] = value }) : null,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>The bot: the press on its newest card, as Teams sends it. The echo bot: the same verb and inputs, on a card of its own.</summary>
    private JObject? PressValue(Press press)
    {
        if (!followsCards)
        {
            var value = new JObject { ["verb"] = press.Verb, ["card"] = "1", ["plan"] = "echo" };
            foreach (var (input, typed) in press.Inputs([]))
            {
                value[input] = typed;
            }

            return value;
        }

        var action = inputCard is null ? null : CardReader.Actions(inputCard).FirstOrDefault(a => (string?)a["type"] == "Action.Submit" && (string?)a["data"]?["verb"] == press.Verb);
        return action is null ? null : CardReader.SubmitValue(inputCard!, action, press.Inputs(inputCard!).ToList());
    }

    private JObject Base(string type, JObject fields)
    {
        var activity = new JObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["channelId"] = "msteams",
            ["serviceUrl"] = mode == DeliveryMode.Connector ? connector.ServiceUrl.ToString() : "https://smba.invalid/",
            ["locale"] = "nb-NO",
            ["from"] = new JObject { ["id"] = userId, ["name"] = "Kari Nordmann", ["aadObjectId"] = "00000000-0000-0000-0000-000000000001" },
            ["recipient"] = new JObject { ["id"] = "28:bot", ["name"] = "Samskapelse" },
            ["conversation"] = new JObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "00000000-0000-0000-0000-0000000000aa" },
            ["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = "00000000-0000-0000-0000-0000000000aa" } },
        };
        if (mode == DeliveryMode.ExpectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        activity.Merge(fields);
        return activity;
    }
}
