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

    // The cards received since the input card was last looked for, newest last: read (into a JObject) only when a
    // press needs the newest card with a card number, so the generator spends little on the large cards it only counts.
    private readonly List<ReplyCard> cardsToSearch = [];

    private JObject? InputCard()
    {
        inputCard = Enumerable.Reverse(cardsToSearch).Where(card => card.MayHaveNumber).Select(card => card.Read())
            .FirstOrDefault(card => CardReader.CardNumber(card) is not null) ?? inputCard;
        cardsToSearch.Clear();
        return inputCard;
    }

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

            var (activities, cards) = mode == DeliveryMode.ExpectReplies ? ReplyCards.InResponse(body) : ReplyCards.In(connector.Take(conversationId));
            replies += activities;
            cardsToSearch.AddRange(cards);

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

        var card = InputCard();
        var action = card is null ? null : CardReader.Actions(card).FirstOrDefault(a => (string?)a["type"] == "Action.Submit" && (string?)a["data"]?["verb"] == press.Verb);
        return action is null ? null : CardReader.SubmitValue(card!, action, press.Inputs(card!).ToList());
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

/// <summary>An Adaptive Card in the replies, read into a JObject only when needed.</summary>
public sealed class ReplyCard(string? json, JObject? read)
{
    private JObject? card = read;

    /// <summary>False when the card's JSON cannot hold a card number (no "card" member anywhere).</summary>
    public bool MayHaveNumber => card is not null || json!.Contains("\"card\":", StringComparison.Ordinal);

    public JObject Read() => card ??= CardReader.Parse(json!);
}

/// <summary>The replies' count and their Adaptive Cards, from an expectReplies response or the stub's activities.</summary>
public static class ReplyCards
{
    private const string Adaptive = "application/vnd.microsoft.card.adaptive";

    public static (int Activities, IReadOnlyList<ReplyCard> Cards) InResponse(string body)
    {
        using var document = System.Text.Json.JsonDocument.Parse(body);
        var cards = new List<ReplyCard>();
        var activities = 0;
        if (document.RootElement.TryGetProperty("activities", out var list))
        {
            foreach (var activity in list.EnumerateArray())
            {
                activities++;
                if (!activity.TryGetProperty("attachments", out var attachments))
                {
                    continue;
                }

                foreach (var attachment in attachments.EnumerateArray())
                {
                    if (attachment.TryGetProperty("contentType", out var type) && type.ValueEquals(Adaptive)
                        && attachment.TryGetProperty("content", out var content) && content.ValueKind == System.Text.Json.JsonValueKind.Object)
                    {
                        cards.Add(new ReplyCard(content.GetRawText(), null));
                    }
                }
            }
        }

        return (activities, cards);
    }

    public static (int Activities, IReadOnlyList<ReplyCard> Cards) In(IReadOnlyList<JObject> activities) =>
        (activities.Count, [.. activities.SelectMany(a => a["attachments"] as JArray ?? [])
            .Where(a => (string?)a["contentType"] == Adaptive)
            .Select(a => a["content"]).OfType<JObject>().Select(card => new ReplyCard(null, card))]);
}
