using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Resilience;
using Samskapelse.Localization;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Resilience;

/// <summary>A conversation that floods the bot is slowed down once, then ignored until its allowance refills.</summary>
public sealed class FloodGuardTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly FaultingStorage storage = new();
    private readonly FloodGuardMiddleware guard;

    public FloodGuardTests()
    {
        var limiter = new ConversationRateLimiter(time, Options.Create(new ResilienceOptions { TurnsPerPerson = 3, TurnsRefillPerMinute = 30 }));
        guard = new FloodGuardMiddleware(limiter, NullLogger<FloodGuardMiddleware>.Instance);
    }

    private BotDriver Driver(string conversation, string locale = "nb-NO", string userId = "user-1") =>
        new(storage, conversation, locale, userId: userId, time: time, middleware: [guard]);

    [Fact]
    public async Task Flood_FirstOverTheLimitHearsSlowDownOnce_TheRestNeverReachTheBot_UntilTheAllowanceRefills()
    {
        var bot = Driver(nameof(Flood_FirstOverTheLimitHearsSlowDownOnce_TheRestNeverReachTheBot_UntilTheAllowanceRefills));
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEmpty((await bot.SayAsync(Cmd(Language.Nb, "Cmd_Help"))).Activities);
        }

        var slowDown = await bot.SayAsync(Cmd(Language.Nb, "Cmd_Help"));
        Assert.Equal([T(Language.Nb, "Flood_SlowDown")], slowDown.Texts);
        Assert.Empty(slowDown.Cards);

        var readsBefore = storage.Reads;
        for (var i = 0; i < 5; i++)
        {
            Assert.Empty((await bot.SayAsync(Cmd(Language.Nb, "Cmd_Help"))).Activities);
        }

        Assert.Equal(readsBefore, storage.Reads);

        // 30 a minute: one turn's allowance comes back every 2 s.
        time.Advance(TimeSpan.FromSeconds(2));
        var again = await bot.SayAsync(Cmd(Language.Nb, "Cmd_Help"));
        Assert.DoesNotContain(T(Language.Nb, "Flood_SlowDown"), again.AllText, StringComparison.Ordinal);
        Assert.NotEmpty(again.Activities);
    }

    [Fact]
    public async Task CardActionsOverTheLimit_StillGetAValidInvokeResponse()
    {
        var bot = Driver(nameof(CardActionsOverTheLimit_StillGetAValidInvokeResponse), "da-DK");
        for (var i = 0; i < 3; i++)
        {
            await bot.SayAsync("hjælp");
        }

        foreach (var _ in new[] { "first over", "second over" })
        {
            var replies = await bot.InvokeAsync("review.sign", new JObject { ["plan"] = "p1" });
            var response = Assert.IsType<InvokeResponse>(replies.InvokeResponse);
            Assert.Equal(200, response.Status);
            var body = Assert.IsType<Microsoft.Bot.Schema.AdaptiveCardInvokeResponse>(response.Body);
            Assert.Equal(200, body.StatusCode);
            Assert.Equal("application/vnd.microsoft.activity.message", body.Type);
            Assert.Equal(T(Language.Da, "Flood_SlowDown"), body.Value);
        }
    }

    [Fact]
    public async Task OneConversationsFlood_DoesNotLimitAnother()
    {
        var flooding = Driver(nameof(OneConversationsFlood_DoesNotLimitAnother) + "-flood", "en-US");
        for (var i = 0; i < 6; i++)
        {
            await flooding.SayAsync("help");
        }

        var quiet = Driver(nameof(OneConversationsFlood_DoesNotLimitAnother) + "-quiet", "en-US");
        for (var i = 0; i < 3; i++)
        {
            var replies = await quiet.SayAsync("help");
            Assert.NotEmpty(replies.Activities);
            Assert.DoesNotContain(T(Language.En, "Flood_SlowDown"), replies.AllText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OnePersonsFlood_DoesNotLimitOthersInTheSameChat()
    {
        var conversation = nameof(OnePersonsFlood_DoesNotLimitOthersInTheSameChat);
        var flooding = Driver(conversation, "en-US", userId: "29:flooding");
        for (var i = 0; i < 6; i++)
        {
            await flooding.SayAsync("help");
        }

        Assert.Empty((await flooding.SayAsync("help")).Activities);
        foreach (var colleague in new[] { "29:kari", "29:ola", "29:bo" })
        {
            var replies = await Driver(conversation, "en-US", userId: colleague).SayAsync("help");
            Assert.NotEmpty(replies.Activities);
            Assert.DoesNotContain(T(Language.En, "Flood_SlowDown"), replies.AllText, StringComparison.Ordinal);
        }
    }
}
