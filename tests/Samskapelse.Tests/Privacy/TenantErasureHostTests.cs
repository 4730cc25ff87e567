using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Storage;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Review;
using Samskapelse.Tests.Http;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Privacy;

/// <summary>
/// Issue 14 across its merged pieces, through the real host (POST /api/messages, expectReplies) on SQLite, with
/// every activity naming its tenant as Teams does: tenant keys, shared cards, the per-person index and "delete my
/// data" working together, and the same user id in two tenants kept apart.
/// </summary>
[Collection(BotHostTests.Name)]
public sealed class TenantErasureHostTests
{
    private const string Tenant = "0a0a0a0a-1111-4222-8333-444455556666";
    private const string OtherTenant = "0b0b0b0b-1111-4222-8333-444455556666";
    private const string Group = "19:tenant-erasure@thread.v2";
    private const string OwnerId = "29:kari-owner";
    private const string MemberId = "29:anna-5d1e";
    private const string MemberName = "Anna Medlemsdottir";
    private const string MemberComment = "Anna finds Friday too late";

    private sealed class Host(TempDatabase database) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:Provider", "Sqlite");
            builder.UseSetting("Storage:SqlitePath", database.Path);
            builder.UseSetting("MicrosoftAppId", string.Empty);
            builder.UseSetting("Bot:AllowedTenants:0", Tenant);
            builder.UseSetting("Bot:AllowedTenants:1", OtherTenant);
        }

        public HttpConversation Chat(string conversationId, string userId, string name, string tenant = Tenant, string type = "personal") =>
            new(CreateClient(), conversationId, userId, name, type, tenantId: tenant);
    }

    private static JObject Data(string planId, params (string Key, string Value)[] fields)
    {
        var data = new JObject { [ReviewFields.Plan] = planId, [ReviewFields.Kind] = "Plan", [ReviewFields.Version] = "1" };
        foreach (var (key, value) in fields)
        {
            data[key] = value;
        }

        return data;
    }

    /// <summary>The card in an invoke's answer, as Teams receives it (see RefusedActionTests).</summary>
    private static JObject AnsweredCard(Replies replies)
    {
        var value = (JObject)((JObject)JToken.FromObject(replies.Activities.Single(a => a.Type == "invokeResponse")))["value"]!;
        var body = (JObject)value.GetValue("body", StringComparison.OrdinalIgnoreCase)!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        return CardReader.Card(body["value"]);
    }

    /// <summary>Every stored item, keys and JSON values, read from the file by a second store on it.</summary>
    private static async Task<string> WholeStoreAsync(string path)
    {
        var store = new SqliteStorage(path, TimeProvider.System);
        var keys = (await store.ListAsync(string.Empty).ToListAsync()).Select(k => k.Key).ToArray();
        var items = await store.ReadAsync(keys);
        return string.Join("\n", items.Select(i => i.Key + " = " + Newtonsoft.Json.JsonConvert.SerializeObject(i.Value)));
    }

    [Fact]
    public async Task AMemberWhoSignedAndCommented_DeletesTheirData_AndNeitherTheStoreNorTheSqliteFilesKeepTheirIdOrName_WhileThePlanKeepsTheSignature()
    {
        using var database = new TempDatabase();
        using var host = new Host(database);

        // Kari, a manager in the tenant, plans in her personal chat and shares the plan into a group chat.
        var kari = host.Chat("a:kari-personal", OwnerId, "Kari Leder");
        await kari.SayAsync("start Youth house");
        await kari.SayAsync("A meeting place run with the young");
        await kari.SayAsync("Sports club (association, outside)\nCulture department (colleagues)");
        await kari.SayAsync("next");
        await kari.SayAsync("skip");
        await kari.SayAsync("skip");
        await kari.SayAsync("skip");
        await kari.SayAsync("Safe evenings: open the hall on Fridays (Sports club)");
        await kari.SayAsync("next");
        var shared = await host.Chat(Group, OwnerId, "Kari Leder", type: "groupChat").SayAsync("<at>Samskapelse</at> share");
        var planId = shared.Cards.SelectMany(CardReader.Actions).Select(a => (string?)a["data"]?[ReviewFields.Plan]).First(p => p is not null)!;

        // Anna, a member of the chat in the same tenant, signs, comments and writes there.
        var annaInGroup = host.Chat(Group, MemberId, MemberName, type: "groupChat");
        AnsweredCard(await annaInGroup.InvokeAsync(ReviewVerbs.Sign, Data(planId)));
        AnsweredCard(await annaInGroup.InvokeAsync(ReviewVerbs.Comment, Data(planId, (ReviewFields.Target, "Plan:"), (ReviewFields.CommentText, MemberComment))));
        await annaInGroup.SayAsync("<at>Samskapelse</at> hello");
        var before = await WholeStoreAsync(database.Path);
        Assert.Contains(MemberId, before, StringComparison.Ordinal);
        Assert.Contains(MemberName, before, StringComparison.Ordinal);
        Assert.Contains(Tenant, before, StringComparison.Ordinal);

        // Then, in her personal chat: "delete my data", and yes.
        var anna = host.Chat("a:anna-personal", MemberId, MemberName);
        var asked = await anna.SayAsync("delete my data");
        var confirm = asked.Cards.Single();
        var yes = CardReader.FindSubmit(confirm, Texts.Get(Language.En, "Action_DeleteMyDataYes"))!;
        await anna.SubmitAsync(CardReader.SubmitValue(confirm, yes, []));

        // (a) Nothing stored names her: no key, no value.
        var after = await WholeStoreAsync(database.Path);
        foreach (var trace in new[] { MemberId, MemberName, MemberComment })
        {
            Assert.DoesNotContain(trace, after, StringComparison.Ordinal);
        }

        // (b) Nor do the bytes of the SQLite files.
        Assert.Empty(database.TracesOnDisk([MemberId, MemberName, MemberComment]));

        // (c) Kari's plan keeps the signature, as a former participant's, and Kari still sees it on the card.
        var plan = (await host.Services.GetRequiredService<IPlanStore>().FindAsync(planId, default))!;
        Assert.True(Assert.Single(plan.Review.Signatures).By.IsMarker());
        Assert.Empty(plan.Review.Comments);
        var card = AnsweredCard(await host.Chat(Group, OwnerId, "Kari Leder", type: "groupChat").InvokeAsync(ReviewVerbs.Refresh, Data(planId)));
        Assert.Contains(Texts.Get(Language.En, "Review_FormerParticipant"), CardReader.AllText(card), StringComparison.Ordinal);
        Assert.Contains("Youth house", CardReader.AllText(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSameUserIdInTwoTenants_HasTwoStates_AndTheirPlansDoNotMix()
    {
        using var database = new TempDatabase();
        using var host = new Host(database);
        var inTenant = host.Chat("a:same-personal", "29:same-id", "Kari Leder");
        var inOtherTenant = host.Chat("a:same-personal", "29:same-id", "Kari Leder", OtherTenant);

        await inTenant.SayAsync("start Library for everyone");
        await inOtherTenant.SayAsync("start Swimming for seniors");

        var here = (await inTenant.SayAsync("plans")).AllText;
        var there = (await inOtherTenant.SayAsync("plans")).AllText;
        Assert.Contains("Library for everyone", here, StringComparison.Ordinal);
        Assert.DoesNotContain("Swimming for seniors", here, StringComparison.Ordinal);
        Assert.Contains("Swimming for seniors", there, StringComparison.Ordinal);
        Assert.DoesNotContain("Library for everyone", there, StringComparison.Ordinal);

        var store = await WholeStoreAsync(database.Path);
        Assert.Contains(TenantStateKeys.User("msteams", Tenant, "29:same-id") + " = ", store, StringComparison.Ordinal);
        Assert.Contains(TenantStateKeys.User("msteams", OtherTenant, "29:same-id") + " = ", store, StringComparison.Ordinal);

        // A third tenant, not allowed, gets no turn at all.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Chat("a:same-personal", "29:same-id", "Kari Leder", "0c0c0c0c-1111-4222-8333-444455556666").SayAsync("plans"));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }
}
