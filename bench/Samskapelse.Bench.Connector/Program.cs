using System.Globalization;
using Samskapelse.Bench.Connector;

// Alone: "dotnet run -- 3979" serves a connector stub on that port until Ctrl+C.
var port = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3979;
await using var stub = await ConnectorStub.StartAsync(port);
Console.WriteLine($"Bot Connector stub at {stub.ServiceUrl}");
var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.TrySetResult();
};
await stopped.Task;
Console.WriteLine($"{stub.Received} activities received.");
