using System.Diagnostics.Metrics;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Samskapelse.Assistant;
using Samskapelse.Bot.Operations;
using Samskapelse.Bot.Storage;
using Samskapelse.Localization;
using Samskapelse.Planning;

namespace Samskapelse.Tests.Operations;

/// <summary>The storage and assistant decorators on their own: what they measure, and that they change nothing else.</summary>
public sealed class InstrumentationTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly Telemetry telemetry;
    private readonly MetricRecorder metrics;

    public InstrumentationTests()
    {
        telemetry = new Telemetry(services.GetRequiredService<IMeterFactory>(), TimeProvider.System);
        metrics = new MetricRecorder(telemetry.Meter);
    }

    public void Dispose()
    {
        metrics.Dispose();
        services.Dispose();
    }

    private sealed class Item : IStoreItem
    {
        public string? ETag { get; set; }

        public int Value { get; set; }
    }

    /// <summary>A store that lists its keys, as every store the bot runs on will.</summary>
    private sealed class ListingStore : IStorage, IStorageKeyListing
    {
        private readonly MemoryStorage inner = new();

        public static readonly StoredKey Listed = new("plans/p1", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

        public async IAsyncEnumerable<StoredKey> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return Listed;
        }
    }

    [Fact]
    public async Task Storage_AStaleETag_IsCountedAsAConflict_AndStillThrown()
    {
        var storage = InstrumentedStorage.Wrap(new MemoryStorage(), telemetry);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { Value = 1 } });
        var read = (Item)(await storage.ReadAsync(["k"]))["k"];
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { Value = 2, ETag = read.ETag } });

        var error = await Record.ExceptionAsync(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Item { Value = 3, ETag = read.ETag } }));
        await storage.DeleteAsync(["k"]);

        Assert.True(error is not null && ETagConflictException.IsConflict(error));
        var conflict = Assert.Single(metrics.Of("samskapelse.storage.conflicts"));
        Assert.Equal(("write", "memory"), (conflict[TelemetryTags.StorageOperation], conflict[TelemetryTags.StorageSystem]));
        var durations = metrics.Of("samskapelse.storage.duration");
        Assert.Equal(["write:ok", "read:ok", "write:ok", "write:conflict", "delete:ok"], durations.Select(d => d[TelemetryTags.StorageOperation] + ":" + d[TelemetryTags.Outcome]));
    }

    [Fact]
    public async Task Storage_KeepsKeyListing_OnlyWhenTheStoreHasIt()
    {
        var listing = Assert.IsAssignableFrom<IStorageKeyListing>(InstrumentedStorage.Wrap(new ListingStore(), telemetry));
        var keys = new List<StoredKey>();
        await foreach (var key in listing.ListAsync("plans/"))
        {
            keys.Add(key);
        }

        Assert.Equal([ListingStore.Listed], keys);
        Assert.False(InstrumentedStorage.Wrap(new MemoryStorage(), telemetry) is IStorageKeyListing);
    }

    private sealed class ScriptedAssistant(Func<AssistantAnswer> answer) : IPlanningAssistant
    {
        public AssistantSource Source => AssistantSource.AzureOpenAI;

        public Task<AssistantAnswer> SuggestAsync(AssistantInput input, CancellationToken cancellationToken) => Task.FromResult(answer());
    }

    private static AssistantInput Input() =>
        new(SuggestionKind.Partners, Language.En, PlanFacts.From(Support.SamplePlans.Typical(), Language.En));

    [Fact]
    public async Task Assistant_ARequest_IsTimedWithItsKindAndOutcome_AndItsTokensCounted()
    {
        var assistant = new InstrumentedAssistant(new ScriptedAssistant(() => new AssistantAnswer([], 321)), telemetry);

        var answer = await assistant.SuggestAsync(Input(), default);

        Assert.Equal(321, answer.TokensUsed);
        var duration = Assert.Single(metrics.Of("samskapelse.ai.duration"));
        Assert.Equal(("partners", "azureopenai", "ok"), (duration[TelemetryTags.AssistantKind], duration[TelemetryTags.AssistantSource], duration[TelemetryTags.Outcome]));
        Assert.Equal(321, Assert.Single(metrics.Of("samskapelse.ai.tokens")).Value);
    }

    [Fact]
    public async Task Assistant_AFault_IsTheOutcome_ItsTokensStillCount_AndTheFaultReachesTheCaller()
    {
        var assistant = new InstrumentedAssistant(new ScriptedAssistant(() => throw new AssistantFailedException(AssistantFault.Malformed, "bad answer", null, 40)), telemetry);

        var error = await Assert.ThrowsAsync<AssistantFailedException>(() => assistant.SuggestAsync(Input(), default));

        Assert.Equal(AssistantFault.Malformed, error.Fault);
        Assert.Equal("malformed", Assert.Single(metrics.Of("samskapelse.ai.duration"))[TelemetryTags.Outcome]);
        Assert.Equal(40, Assert.Single(metrics.Of("samskapelse.ai.tokens")).Value);
    }
}
