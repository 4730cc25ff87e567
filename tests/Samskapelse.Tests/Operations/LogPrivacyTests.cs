using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using Samskapelse.Bot.Assistant;
using Samskapelse.Localization;
using Samskapelse.Review;
using Samskapelse.Tests.Assistant;
using Samskapelse.Tests.Http;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Operations;

/// <summary>
/// Whatever the users write stays out of the logs: a whole guided planning conversation, the assistant,
/// and review actions on a shared card, every answer carrying a unique marker, with every logger in the
/// host (ASP.NET Core, Bot Builder, the bot) writing at Trace level.
/// </summary>
[Collection(BotHostTests.Name)]
public sealed class LogPrivacyTests
{
    private const string Marker = "ZQX";

    private static int counter;

    /// <summary>A fresh marker for one answer: "ZQX" and a number no other text in the process contains.</summary>
    private static string Mark(string text) => $"{text} {Marker}{Interlocked.Increment(ref counter):D3}";

    private sealed class TracingBot(CapturingLoggerProvider logs, string databasePath, Uri? openAI) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Storage:Provider", "Sqlite");
            builder.UseSetting("Storage:SqlitePath", databasePath);
            builder.UseSetting("MicrosoftAppId", string.Empty);
            if (openAI is not null)
            {
                builder.UseSetting("Assistant:Provider", "AzureOpenAI");
                builder.UseSetting("Assistant:AzureOpenAI:Endpoint", openAI.ToString());
                builder.UseSetting("Assistant:AzureOpenAI:Deployment", "gpt");
                builder.UseSetting("Assistant:AzureOpenAI:ApiKey", "test-key");
            }

            builder.ConfigureLogging(logging => logging
                .SetMinimumLevel(LogLevel.Trace)
                .AddProvider(logs)
                .AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace));
        }
    }

    /// <param name="cloudAssistant">With the cloud assistant, its request (which carries the answers to the model) fails: the fault is logged too.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AWholeConversation_AssistantAndReview_LeaveNoAnswerInAnyLogRecord(bool cloudAssistant)
    {
        var logs = new CapturingLoggerProvider();
        using var database = new TempDatabase();
        await using var openAI = cloudAssistant ? await FakeOpenAIServer.StartAsync(TimeProvider.System) : null;
        openAI?.Status(400, "{\"error\":{\"code\":\"bad_request\",\"message\":\"fault\"}}");
        using var bot = new TracingBot(logs, database.Path, openAI?.Endpoint);
        var owner = new HttpConversation(bot.CreateClient(), "a:privacy-owner", "29:privacy-owner", "Kari Leder");
        var title = Mark("Youth house");
        var partnerA = Mark("Sports club");
        var partnerB = Mark("Culture department");

        await owner.SayAsync("start " + title);
        await owner.SayAsync(Mark("A meeting place run with the young"));
        await owner.SayAsync($"{partnerA} (association, outside)\n{partnerB} (colleagues)");
        await owner.PressAsync(Texts.Get(Language.En, "Assist_Suggest"));
        await bot.Services.GetRequiredService<AssistantDelivery>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (openAI is not null)
        {
            Assert.Contains(partnerA.Split(' ')[^1], (await openAI.NextRequestAsync()).Body, StringComparison.Ordinal);
        }
        await owner.SayAsync("next");
        await owner.SayAsync($"{partnerA}: {Mark("invite them to co-design")}\n{partnerB}: {Mark("office hours")}");
        await owner.SayAsync(Mark("A shared board, meeting every month"));
        await owner.SayAsync(Mark("The youth council next door"));
        await owner.SayAsync("next");
        await owner.SayAsync($"{Mark("Safe evenings")}: {Mark("open the hall on Fridays")} ({partnerA}, {partnerB})");
        var summary = await owner.SayAsync("next");
        Assert.Equal(4, summary.Cards.Count);
        await owner.SayAsync("code");
        var principle = Mark("We answer within a week");
        await owner.PressAsync(Texts.Get(Language.En, "Action_Save"), ("principle_new", principle));
        var renamed = Mark("Renamed house");
        await owner.SayAsync("rename 1 " + renamed);
        await owner.SayAsync(Mark("words that are no command"));
        await owner.SubmitAsync(new JObject { ["verb"] = "answer.submit", ["card"] = "not-a-number", ["answer"] = Mark("malformed") });

        var group = "19:privacy-group@thread.v2";
        var ownerInGroup = new HttpConversation(bot.CreateClient(), group, "29:privacy-owner", "Kari Leder", "groupChat");
        var shared = await ownerInGroup.SayAsync("<at>Samskapelse</at> share");
        var planId = shared.Cards.SelectMany(CardReader.Actions).Select(a => (string?)a["data"]?[ReviewFields.Plan]).First(p => p is not null)!;
        var member = new HttpConversation(bot.CreateClient(), group, "29:privacy-member", "Anna Medlem", "groupChat");
        JObject Data(params (string Key, string Value)[] fields)
        {
            var data = new JObject { [ReviewFields.Plan] = planId, [ReviewFields.Kind] = "Plan", [ReviewFields.Version] = "1" };
            foreach (var (key, value) in fields)
            {
                data[key] = value;
            }

            return data;
        }

        await member.InvokeAsync(ReviewVerbs.Sign, Data());
        var comment = Mark("Lovely plan");
        await member.InvokeAsync(ReviewVerbs.Comment, Data((ReviewFields.CommentText, comment)));
        var proposal = Mark("The library");
        await member.InvokeAsync(ReviewVerbs.Propose, Data((ReviewFields.ProposalKind, "Partner"), (ReviewFields.ProposalText, proposal)));
        await member.InvokeAsync("review.made-up", Data((ReviewFields.CommentText, Mark("unknown verb"))));

        // The answers did reach the bot: the plan holds them.
        var key = Samskapelse.Bot.Storage.PlanStore.Key(planId);
        var plan = JObject.FromObject((await bot.Services.GetRequiredService<IStorage>().ReadAsync([key]))[key]).ToString();
        Assert.All(new[] { partnerA, principle, renamed, comment, proposal }, answer => Assert.Contains(answer.Split(' ')[^1], plan, StringComparison.Ordinal));

        Assert.True(counter > 15, "every answer carries a marker");
        Assert.True(logs.Entries.Count > 50, $"only {logs.Entries.Count} log records: is Trace logging on?");
        Assert.Contains(logs.Entries, r => r.Level == LogLevel.Trace);
        var leaks = logs.Entries.Where(r => r.Text.Contains(Marker, StringComparison.Ordinal)).ToList();
        Assert.True(leaks.Count == 0, "Users' answers in the logs:\n" + string.Join("\n---\n", leaks.Select(l => $"{l.Category} {l.EventId} {l.Level}: {l.Text}")));
    }
}
