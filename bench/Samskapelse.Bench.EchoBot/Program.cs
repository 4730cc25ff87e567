using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Samskapelse.Bench.EchoBot;
using Samskapelse.Bot.Teams;

// A Bot Builder echo bot as the samples write it. "--stock" leaves CloudAdapter's connector exactly as
// shipped; without it the connector clients share one contract resolver, as the real bot's do.
var stock = args.Contains("--stock");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--stock").ToArray());
builder.Services.AddHttpClient();
builder.Services.AddSingleton<BotFrameworkAuthentication>(provider =>
{
    var configured = ActivatorUtilities.CreateInstance<ConfigurationBotFrameworkAuthentication>(provider);
    return stock ? configured : new SharedContractsBotFrameworkAuthentication(configured);
});
builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(provider =>
    new CloudAdapter(provider.GetRequiredService<BotFrameworkAuthentication>(), provider.GetRequiredService<ILogger<CloudAdapter>>()));
builder.Services.AddSingleton<IStorage, MemoryStorage>();
builder.Services.AddSingleton<ConversationState>();
builder.Services.AddTransient<IBot, EchoBot>();

var app = builder.Build();
app.MapPost("/api/messages", (HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot) =>
    adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted));
app.MapGet("/", () => stock ? "echo bot (stock connector)" : "echo bot");
app.Run();
