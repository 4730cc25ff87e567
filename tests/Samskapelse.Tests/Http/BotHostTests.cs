namespace Samskapelse.Tests.Http;

/// <summary>
/// Tests that start the bot's host through WebApplicationFactory run one after another: the factory
/// finds the host of Program through a process-wide listener, and two starting at once can catch each other's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BotHostTests
{
    public const string Name = "Bot host";
}
