using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Samskapelse.Assistant;
using Samskapelse.Bot.Assistant;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Tests.Planning;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Assistant;

/// <summary>Shared steps of the assistant tests.</summary>
internal static class AssistantScenario
{
    public const string Deployment = "samskapelse-gpt";
    public const string ApiKey = "test-key-6f1e0c";

    public static AssistantOptions Cloud(FakeOpenAIServer server, Action<AssistantOptions>? tweak = null)
    {
        var options = new AssistantOptions
        {
            Provider = "AzureOpenAI",
            AzureOpenAI = { Endpoint = server.Endpoint.ToString(), Deployment = Deployment, ApiKey = ApiKey },
            CallTimeout = TimeSpan.FromSeconds(5),
            OverallTimeout = TimeSpan.FromSeconds(25),
            MaxRetries = 1,
            RetryDelay = TimeSpan.Zero,
        };
        tweak?.Invoke(options);
        return options;
    }

    /// <summary>Starts a plan in the wheel's volunteer arena and answers question 1: the bot then asks question 2.</summary>
    public static async Task<Plan> ToPartnersQuestionAsync(BotDriver bot, Language language, string goal = "A meeting place that young people run together with us")
    {
        await bot.SayAsync(Cmd(language, "Cmd_Start"));
        await bot.PressAsync(T(language, "Action_StartPlanning"), ("title", "Ungdommens hus"), ("arena", nameof(WheelArena.ServiceWithVolunteers)));
        var q2 = await bot.SayAsync(goal);
        Assert.Contains(T(language, "Question_2_Text"), q2.AllText);
        return await GuidedPlanningTests.SinglePlanAsync(bot);
    }

    /// <summary>The id of the suggestion whose text box holds <paramref name="text"/>.</summary>
    public static string SuggestionId(JObject card, string text)
    {
        var input = CardReader.Inputs(card).FirstOrDefault(i => (string?)i["value"] == text && ((string?)i["id"])?.StartsWith("s_", StringComparison.Ordinal) == true)
            ?? throw new InvalidOperationException($"No suggestion '{text}' on the card:\n{CardReader.AllText(card)}");
        return ((string)input["id"]!)[2..];
    }

    public static Task<AssistantRecord> RecordAsync(IStorage storage, string planId) => new AssistantStore(storage).GetAsync(planId, default);

    public static object Partners(params (string Name, string Side, string Kind, string Why)[] partners) =>
        new { suggestions = partners.Select(p => new { name = p.Name, side = p.Side, kind = p.Kind, why = p.Why }).ToArray() };
}
