using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Storage;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Review;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Storage;

/// <summary>
/// Two bot processes behind an imagined load balancer, sharing one Blob Storage container (Azurite):
/// whichever instance a turn reaches, nothing is lost or done twice.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class TwoInstancesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Owner = "29:owner";
    private readonly string container = azurite.NewContainerName("two-instances");
    private BotProcess first = null!;
    private BotProcess second = null!;

    private BotProcess Instance(int turn) => turn % 2 == 0 ? first : second;

    public async Task InitializeAsync()
    {
        (string, string)[] settings = [("Storage:Provider", "Blob"), ("Storage:Blob:ConnectionString", azurite.ConnectionString), ("Storage:Blob:Container", container)];
        var starting = new[] { BotProcess.StartAsync(settings), BotProcess.StartAsync(settings) };
        try
        {
            var started = await Task.WhenAll(starting);
            (first, second) = (started[0], started[1]);
        }
        catch
        {
            foreach (var bot in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await bot.Result.DisposeAsync();
            }

            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await first.DisposeAsync();
        await second.DisposeAsync();
        await azurite.Container(container).DeleteIfExistsAsync();
    }

    [Fact]
    public async Task AConversationAlternatingBetweenInstances_KeepsEveryAnswer_AndIsWelcomedOnce()
    {
        const string chat = "a:personal-two-instances";

        // Teams sends both install events at once; here each reaches a different instance.
        var installs = await Task.WhenAll(
            first.PostAsync(Message(chat, "personal", Owner, null, a => (a["type"], a["action"]) = ("installationUpdate", "add"))),
            second.PostAsync(Message(chat, "personal", Owner, null, a => (a["type"], a["membersAdded"]) = ("conversationUpdate", new JArray(new JObject { ["id"] = "bot-id" }, new JObject { ["id"] = Owner })))));
        var welcomes = installs.SelectMany(Cards).Where(c => CardReader.AllText(c).Contains(T(Language.En, "Welcome_Heading"), StringComparison.Ordinal)).ToList();
        var welcome = Assert.Single(welcomes);

        var turn = 0;
        var card = await PressAsync(Instance(turn++), chat, welcome, "Action_StartPlan");
        card = await PressAsync(Instance(turn++), chat, card, "Action_StartPlanning", ("title", "Youth house"), ("arena", "PolicyWithCitizens"), ("phase", "Design"));
        card = await PressAsync(Instance(turn++), chat, card, "Action_Next", ("answer", "A meeting place run with the young"));
        card = await PressAsync(Instance(turn++), chat, card, "Partners_Add", ("name", "Sports club"), ("side", "Outside"), ("kind", "Association"));
        card = await SayAsync(Instance(turn++), chat, "Culture department (colleagues)");
        card = await PressAsync(Instance(turn++), chat, card, "Action_Next", ("name", "Parents' association"), ("side", "Outside"), ("kind", "Association"));
        var mobilise = CardReader.Inputs(card).Select(i => (string)i["id"]!).Where(id => id.StartsWith("mobilise_", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, mobilise.Count);
        card = await PressAsync(Instance(turn++), chat, card, "Action_Next", [.. mobilise.Select(id => (id, "Invite them via " + id))]);
        card = await SayAsync(Instance(turn++), chat, "Monthly open evenings where partners plan together");
        card = await PressAsync(Instance(turn++), chat, card, "Activities_Add", ("description", "Youth council in the next town"));
        card = await PressAsync(Instance(turn++), chat, card, "Action_Next");
        await PressForRepliesAsync(Instance(turn++), chat, card, "Action_Next", ("name", "Friday alliance"), ("partners", "p1,p3"), ("purpose", "Open the hall on Fridays"));
        var summary = string.Join("\n", Cards(await first.PostAsync(Message(chat, "personal", Owner, Cmd(Language.En, "Cmd_Summary")))).Select(CardReader.AllText));

        var plan = Assert.Single(await PlansOfAsync(Owner));
        Assert.True(plan.IsComplete);
        Assert.Equal(("Youth house", WheelArena.PolicyWithCitizens, Phase.Design), (plan.Title, plan.Arena, plan.Phase));
        Assert.Equal(["Sports club", "Culture department", "Parents' association"], plan.Partners.Select(p => p.Name));
        Assert.All(plan.Partners, p => Assert.Equal("Invite them via mobilise_" + p.Id, p.Mobilisation));
        Assert.Equal(["Youth council in the next town"], plan.RelatedActivities.Select(a => a.Description));
        var alliance = Assert.Single(plan.Alliances);
        Assert.Equal(("Friday alliance", "Open the hall on Fridays"), (alliance.Name, alliance.Purpose));
        Assert.Equal(["p1", "p3"], alliance.PartnerIds);
        foreach (var answer in new[] { "A meeting place run with the young", "Monthly open evenings where partners plan together", "Friday alliance", "Parents' association" })
        {
            Assert.Contains(answer, summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ConcurrentCardActionsSplitAcrossInstances_AllSurvive()
    {
        const string group = "19:two-instances@thread.v2";
        const string personal = "a:personal-owner";
        await first.PostAsync(Message(personal, "personal", Owner, "start Youth house"));
        await second.PostAsync(Message(personal, "personal", Owner, "A meeting place run with the young"));
        var shared = await first.PostAsync(Message(group, "groupChat", Owner, "<at>Samskapelse</at> share", a => a["entities"] = new JArray(
            new JObject { ["type"] = "mention", ["text"] = "<at>Samskapelse</at>", ["mentioned"] = new JObject { ["id"] = "bot-id", ["name"] = "Samskapelse" } })));
        Assert.Single(Cards(shared));
        var planId = Assert.Single(await PlansOfAsync(Owner)).Id;

        // Twelve members each sign and comment at once; each member's two actions reach different instances.
        const int members = 12;
        var actions = Enumerable.Range(0, members).SelectMany(i => new[]
        {
            Task.Run(() => Instance(i).PostAsync(Invoke(group, $"29:member-{i}", ReviewVerbs.Sign, new JObject { ["plan"] = planId, ["kind"] = "Plan", ["version"] = "1" }))),
            Task.Run(() => Instance(i + 1).PostAsync(Invoke(group, $"29:member-{i}", ReviewVerbs.Comment, new JObject { ["plan"] = planId, ["kind"] = "Plan", ["version"] = "1", ["target"] = "Plan:", ["comment"] = $"Comment {i}" }))),
        });
        var responses = await Task.WhenAll(actions);

        Assert.All(responses, r => Assert.Equal(200, (int)r["statusCode"]!));
        var review = (await Plans().FindAsync(planId, default))!.Review;
        Assert.Equal(Enumerable.Range(0, members).Select(i => $"29:member-{i}").Order(), review.Signatures.Select(s => s.By.UserId).Order());
        Assert.Equal(Enumerable.Range(0, members).Select(i => $"Comment {i}").Order(), review.Comments.Select(c => c.Text).Order());
    }

    private PlanStore Plans() => new(new BlobStorage(azurite.Container(container), NullLogger<BlobStorage>.Instance), TimeProvider.System, NullLogger<PlanStore>.Instance);

    private async Task<IReadOnlyList<Plan>> PlansOfAsync(string userId)
    {
        var storage = new BlobStorage(azurite.Container(container), NullLogger<BlobStorage>.Instance);
        var key = "msteams/users/" + userId;
        var profile = JObject.FromObject((await storage.ReadAsync([key]))[key]);
        return await Plans().FindManyAsync(profile["profile"]!["PlanIds"]!.Select(t => (string)t!), default);
    }

    /// <summary>Presses a button as Teams sends it (data and inputs merged) and returns the next card to answer.</summary>
    private static async Task<JObject> PressAsync(BotProcess bot, string chat, JObject card, string buttonKey, params (string Id, string Value)[] inputs) =>
        InputCard(await PressForRepliesAsync(bot, chat, card, buttonKey, inputs));

    private static Task<JObject> PressForRepliesAsync(BotProcess bot, string chat, JObject card, string buttonKey, params (string Id, string Value)[] inputs)
    {
        var action = CardReader.FindSubmit(card, T(Language.En, buttonKey)) ?? throw new InvalidOperationException($"No button {buttonKey}: {string.Join(", ", CardReader.ButtonTitles(card))}");
        var value = CardReader.SubmitValue(card, action, inputs);
        return bot.PostAsync(Message(chat, "personal", Owner, null, a => a["value"] = value));
    }

    private static async Task<JObject> SayAsync(BotProcess bot, string chat, string text) =>
        InputCard(await bot.PostAsync(Message(chat, "personal", Owner, text)));

    /// <summary>The newest card that asks for input: the next one to answer.</summary>
    private static JObject InputCard(JObject response) =>
        Cards(response).LastOrDefault(c => CardReader.CardNumber(c) is not null) ?? throw new InvalidOperationException("No input card in " + response);

    private static IEnumerable<JObject> Cards(JObject response) =>
        response["activities"]!.SelectMany(a => a["attachments"] ?? new JArray()).Select(a => a["content"]).OfType<JObject>();

    private static JObject Message(string conversation, string type, string userId, string? text, Action<JObject>? adjust = null) =>
        Activity(conversation, type, userId, "message", a =>
        {
            a["deliveryMode"] = "expectReplies";
            if (text is not null)
            {
                a["text"] = text;
            }

            adjust?.Invoke(a);
        });

    private static JObject Invoke(string conversation, string userId, string verb, JObject data) =>
        Activity(conversation, "groupChat", userId, "invoke", a =>
        {
            a["name"] = "adaptiveCard/action";
            a["value"] = new JObject { ["action"] = new JObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        });

    private static JObject Activity(string conversation, string conversationType, string userId, string type, Action<JObject> adjust)
    {
        var activity = new JObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString(),
            ["channelId"] = "msteams",
            ["serviceUrl"] = "https://test.invalid/",
            ["locale"] = "en-US",
            ["from"] = new JObject { ["id"] = userId, ["name"] = "Person " + userId },
            ["recipient"] = new JObject { ["id"] = "bot-id", ["name"] = "Samskapelse" },
            ["conversation"] = new JObject { ["id"] = conversation, ["conversationType"] = conversationType, ["isGroup"] = conversationType != "personal" },
        };
        adjust(activity);
        return activity;
    }
}
