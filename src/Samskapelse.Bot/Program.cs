using Samskapelse.Bot.Hosting;

SamskapelseHost.Build(args).Run();

/// <summary>The entry point, public for the HTTP tests.</summary>
public partial class Program;
