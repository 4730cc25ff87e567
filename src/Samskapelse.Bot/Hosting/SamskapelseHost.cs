using Samskapelse.Bot.Assistant;
using Samskapelse.Bot.Coaching;
using Samskapelse.Bot.Documents;
using Samskapelse.Bot.Operations;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Privacy;
using Samskapelse.Bot.Resilience;
using Samskapelse.Bot.Review;
using Samskapelse.Bot.Storage;
using Samskapelse.Bot.Teams;

namespace Samskapelse.Bot.Hosting;

/// <summary>The bot's table of contents: one line per feature. Program.cs runs it; the start-up tests build it.</summary>
public static class SamskapelseHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);

        builder.Services
            .AddTeamsBot()
            .AddBotStorage()
            .AddResilience()
            .AddPlanning()
            .AddReview()
            .AddDocuments()
            .AddAssistant()
            .AddCoaching()
            .AddPrivacy()
            .AddOperations(builder.Configuration);

        var app = builder.Build();
        app.UseRateLimiter();
        app.MapBotEndpoints();
        app.MapDocumentEndpoints();
        app.MapOperationsEndpoints();
        return app;
    }
}
