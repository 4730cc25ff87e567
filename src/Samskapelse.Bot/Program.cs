using Samskapelse.Bot.Coaching;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Review;
using Samskapelse.Bot.Storage;
using Samskapelse.Bot.Teams;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddTeamsBot()
    .AddBotStorage()
    .AddPlanning()
    .AddReview()
    .AddCoaching();

var app = builder.Build();
app.MapBotEndpoints();
app.Run();

/// <summary>The entry point, public for the HTTP tests.</summary>
public partial class Program;
