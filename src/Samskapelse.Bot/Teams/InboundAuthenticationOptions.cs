namespace Samskapelse.Bot.Teams;

/// <summary>The "Auth" section: what the bot accepts beyond the Bot Framework channel's own tokens.</summary>
public sealed class InboundAuthenticationOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// Accepts tokens issued for the Bot Framework Emulator outside the Development environment. The SDK
    /// checks neither their audience nor their service URL, so leave this off wherever Teams reaches the bot.
    /// </summary>
    public bool AllowEmulatorTokens { get; set; }
}
