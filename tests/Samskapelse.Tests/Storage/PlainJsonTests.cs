using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Coaching;
using Samskapelse.Bot.Storage;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using Samskapelse.Tests.Cards;
using Samskapelse.Tests.Coaching;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Storage;

/// <summary>
/// Plain items are written with System.Text.Json: their JSON must be what Newtonsoft with the storage settings
/// writes (Bot Builder's state reads it back with Newtonsoft), and anything else must still go through Newtonsoft.
/// </summary>
public sealed class PlainJsonTests
{
    public static TheoryData<string> Items() => [.. Samples().Keys];

    private static Dictionary<string, object> Samples() => new()
    {
        ["empty plan"] = new PlanDocument { Plan = SamplePlans.Empty() },
        ["typical plan"] = new PlanDocument { Plan = SamplePlans.Typical(), ETag = "e1" },
        ["plan at the limits"] = new PlanDocument { Plan = SamplePlans.AtTheLimits() },
        ["reviewed plan"] = new PlanDocument { Plan = CardCatalogue.Reviewed(SamplePlans.AtTheLimits()) },
        ["conversation state"] = new Dictionary<string, object>
        {
            ["planning"] = new PlanningSession { ActivePlanId = "p-1", Step = PlanStep.Alliances, CardSequence = 12, LastAnsweredCard = 11, Welcomed = true },
        },
        ["user state"] = new Dictionary<string, object>
        {
            ["profile"] = new PlannerProfile
            {
                PreferredLanguage = Language.Da,
                PlanIds = ["p-1", "p-2"],
                TeamChats = [new KnownChat("19:abc@thread.tacv2", "Æble & Øl «team»", new DateTimeOffset(2026, 11, 2, 9, 30, 15, 123, TimeSpan.FromHours(1)))],
            },
        },
        ["people index"] = new PeopleIndex { People = [.. SampleJourneys.People(5)] },
    };

    [Theory]
    [MemberData(nameof(Items))]
    public void PlainItems_AreWrittenAsNewtonsoftWritesThem(string name)
    {
        var item = Samples()[name];
        Assert.True(PlainTypes.Accepts(item), $"{name} should take the fast path.");

        var written = JToken.Parse(StorageJson.ToJson(item));
        var newtonsoft = JToken.FromObject(item, StorageJson.Serializer);
        Assert.True(JToken.DeepEquals(newtonsoft, written), $"{name}:\n{newtonsoft}\n---\n{written}");
    }

    [Fact]
    public void APlanWrittenFast_ReadsBackEqual_ThroughNewtonsoft()
    {
        var plan = CardCatalogue.Reviewed(SamplePlans.AtTheLimits());
        var read = StorageJson.As<PlanDocument>(JToken.Parse(StorageJson.ToJson(new PlanDocument { Plan = plan })))!;
        Assert.Equal(StorageJson.ToJObject(new PlanDocument { Plan = plan }).ToString(), StorageJson.ToJObject(read).ToString());
    }

    [Fact]
    public void BotFrameworkTypes_JsonTokens_AndOpenTypes_StayWithNewtonsoft()
    {
        Assert.False(PlainTypes.Accepts(new PersonDocument { UserId = "29:u", Reference = new ConversationReference { ChannelId = "msteams" } }));
        Assert.False(PlainTypes.Accepts(new Dictionary<string, object> { ["loaded"] = new JObject { ["a"] = 1 } }));
        Assert.False(PlainTypes.IsPlain(typeof(Activity)));
        Assert.False(PlainTypes.IsPlain(typeof(object)));
        Assert.True(PlainTypes.IsPlain(typeof(Plan)));
    }
}
