using BenchmarkDotNet.Attributes;
using Samskapelse.Cards.Model;

namespace Samskapelse.Bench.Cards;

/// <summary>Builds one kind of card and serializes it to the JSON that goes into the reply.</summary>
[MemoryDiagnoser]
public class CardBenchmarks
{
    private Func<AdaptiveCard> build = null!;

    [ParamsSource(nameof(Kinds))]
    public string Card { get; set; } = string.Empty;

    public static IEnumerable<string> Kinds => CardKinds.All.Keys;

    [GlobalSetup]
    public void Setup() => build = CardKinds.All[Card];

    [Benchmark]
    public string BuildAndSerialize() => CardJson.Serialize(build());
}
