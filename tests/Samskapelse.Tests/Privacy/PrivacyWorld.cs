using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Assistant;
using Samskapelse.Bot.Coaching;
using Samskapelse.Bot.Storage;
using Samskapelse.Bot.Teams;
using Samskapelse.Coaching;
using Samskapelse.Review;
using Samskapelse.Tests.Coaching;
using Samskapelse.Tests.Planning;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Privacy;

/// <summary>
/// Kari's plan shared into a group chat where Anna and Bo sign, comment, propose and vote; Anna also has
/// a plan of her own with the assistant's record, a coaching journey, and was the last to write in the chat.
/// </summary>
internal sealed class PrivacyWorld
{
    public const string Group = "19:privacy-group@thread.v2";
    public const string AnnaId = "29:anna-7f3c";
    public const string AnnaName = "Anna Medlemsdottir";

    private PrivacyWorld(IStorage storage, FakeTimeProvider time, BotDriver kari, BotDriver kariInGroup, BotDriver anna, BotDriver annaInGroup, BotDriver bo, string kariPlanId, string annaPlanId, string cardId)
    {
        Storage = storage;
        Time = time;
        Kari = kari;
        KariInGroup = kariInGroup;
        Anna = anna;
        AnnaInGroup = annaInGroup;
        Bo = bo;
        KariPlanId = kariPlanId;
        AnnaPlanId = annaPlanId;
        CardId = cardId;
    }

    public IStorage Storage { get; }

    public FakeTimeProvider Time { get; }

    public BotDriver Kari { get; }

    public BotDriver KariInGroup { get; }

    /// <summary>Anna in her personal chat, where the privacy commands work.</summary>
    public BotDriver Anna { get; }

    public BotDriver AnnaInGroup { get; }

    public BotDriver Bo { get; }

    public string KariPlanId { get; }

    public string AnnaPlanId { get; }

    public string CardId { get; }

    public static async Task<PrivacyWorld> CreateAsync(IStorage storage, string annaLocale = "en-US")
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var locks = new ConversationTurnLocks();
        var kari = new BotDriver(storage, "personal-kari", userId: "29:kari", userName: "Kari Leder", time: time, locks: locks, privacy: true);
        await kari.SayAsync("start Youth house");
        await kari.SayAsync("A meeting place run with the young");
        await kari.SayAsync("Sports club (association, outside); Culture department (colleagues)");
        await kari.SayAsync("next");
        await kari.SayAsync("skip");
        await kari.SayAsync("skip");
        await kari.SayAsync("skip");
        await kari.SayAsync("Safe evenings: open the hall on Fridays (Sports club)");
        await kari.SayAsync("next");
        var kariPlanId = (await GuidedPlanningTests.PlanIdsAsync(kari, "29:kari")).Single();

        var kariInGroup = new BotDriver(storage, Group, userId: "29:kari", userName: "Kari Leder", time: time, conversationType: "groupChat", locks: locks);
        var shared = await kariInGroup.SayAsync("<at>Samskapelse</at> share");
        var cardId = shared.Activities.First(a => ((IMessageActivity)a).Attachments?.Count > 0).Id!;
        await kariInGroup.SayAsync("<at>Samskapelse</at> share alliances");

        var anna = new BotDriver(storage, "personal-anna", annaLocale, userId: AnnaId, userName: AnnaName, time: time, locks: locks, privacy: true);
        await anna.SayAsync("start Anna's reading circle");
        await anna.SayAsync("Readers meet in the library every week");
        var annaPlanId = (await GuidedPlanningTests.PlanIdsAsync(anna, AnnaId)).Single();
        await new AssistantStore(storage).UpdateAsync(annaPlanId, r => r with { TokensUsed = 321, BatchCount = 1 }, default);

        var annaInGroup = new BotDriver(storage, Group, userId: AnnaId, userName: AnnaName, time: time, conversationType: "groupChat", locks: locks);
        var bo = new BotDriver(storage, Group, userId: "29:bo", userName: "Bo Kollega", time: time, conversationType: "groupChat", locks: locks);
        var plan = await kari.Plans.FindAsync(kariPlanId, default);
        var allianceId = plan!.Alliances[0].Id;
        JObject Data(params (string Key, string Value)[] fields)
        {
            var data = new JObject { ["plan"] = kariPlanId, ["kind"] = "Plan", ["version"] = "1" };
            foreach (var (key, value) in fields)
            {
                data[key] = value;
            }

            return data;
        }

        await annaInGroup.InvokeAsync(ReviewVerbs.Sign, Data(), cardId);
        await annaInGroup.InvokeAsync(ReviewVerbs.Comment, Data(("target", "Plan:"), ("comment", "Anna thinks Friday is too late")), cardId);
        await annaInGroup.InvokeAsync(ReviewVerbs.Propose, Data(("proposalKind", "Partner"), ("proposal", "Anna's book club")), cardId);
        await annaInGroup.InvokeAsync(ReviewVerbs.Vote, Data(("kind", "Alliances"), ("allianceId", allianceId), ("inFavour", "true")), cardId);
        await bo.InvokeAsync(ReviewVerbs.Sign, Data(), cardId);
        await bo.InvokeAsync(ReviewVerbs.Comment, Data(("target", "Plan:"), ("comment", "Bo likes it")), cardId);
        await bo.InvokeAsync(ReviewVerbs.Vote, Data(("kind", "Alliances"), ("allianceId", allianceId), ("inFavour", "false")), cardId);
        await kari.Plans.UpdateAsync(kariPlanId, p => p with { Review = p.Review with { CoOwnerIds = p.Review.CoOwnerIds.Add(AnnaId) } }, default);

        // Anna writes last in the group chat: its stored reference names her.
        await annaInGroup.SayAsync("<at>Samskapelse</at> hello");

        var anna2 = anna.Privacy!;
        var journey = SampleJourneys.Typical() with { Id = "journey-anna", Manager = new Person(AnnaId, "aad-anna", AnnaName), Hr = new Person("29:hr", null, "Hege HR") };
        await anna2.Journeys.CreateAsync(journey, default);
        await storage.WriteAsync(new Dictionary<string, object>
        {
            [PeopleDirectory.Key(AnnaId)] = new PersonDocument { UserId = AnnaId, AadObjectId = "aad-anna", Name = AnnaName, TimeZone = "Europe/Oslo", Locale = annaLocale },
            [PeopleDirectory.LegacyIndexKey] = new PeopleIndex { People = [new Person(AnnaId, "aad-anna", AnnaName), new Person("29:bo", null, "Bo Kollega")] },
        });

        return new PrivacyWorld(storage, time, kari, kariInGroup, anna, annaInGroup, bo, kariPlanId, annaPlanId, cardId);
    }

    /// <summary>Every stored item as JSON, keyed by its key: what a search of the whole store sees.</summary>
    public async Task<IReadOnlyDictionary<string, string>> WholeStoreAsync()
    {
        var listing = (IStorageKeyListing)Storage;
        var keys = (await listing.ListAsync(string.Empty).ToListAsync()).Select(k => k.Key).ToArray();
        var items = await Storage.ReadAsync(keys);
        return items.ToDictionary(i => i.Key, i => Newtonsoft.Json.JsonConvert.SerializeObject(i.Value));
    }
}
