namespace Samskapelse.Cards.Planning;

/// <summary>Signed links to a plan's exports, made by the bot for one reader; any of them may be missing.</summary>
public sealed record PlanLinks(string? Word = null, string? Markdown = null, string? Map = null);
