using System.Diagnostics;
using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samskapelse.Bot.Assistant;
using Samskapelse.Bot.Coaching;
using Samskapelse.Bot.Documents;
using Samskapelse.Bot.Privacy;
using Samskapelse.Bot.Storage;
using Samskapelse.Coaching;
using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Review;
using Samskapelse.Tests.Support;

// Usage: dotnet run -c Release --project bench/Samskapelse.Bench.Privacy [-- 100 100000]
var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [100, 100_000];
Console.WriteLine("| plans in the store | one-time backfill | export: ms (median of 5) | export: items read | delete: ms | delete: items read | keys listed by export + delete |");
Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var size in sizes)
{
    await PersonalDataBench.RunAsync(size);
}

Console.WriteLine();
RenderBench.Run();

/// <summary>One person who owns 3 plans and signed 5 others, among <c>size</c> plans of other people, in a SQLite file.</summary>
internal static class PersonalDataBench
{
    private const string Subject = "29:subject";

    public static async Task RunAsync(int size)
    {
        var folder = Directory.CreateTempSubdirectory("samskapelse-bench-privacy-").FullName;
        try
        {
            using var sqlite = new SqliteStorage(Path.Combine(folder, "bench.db"), TimeProvider.System);
            var storage = new CountingStorage(sqlite);
            var plans = new PlanStore(storage, TimeProvider.System, NullLogger<PlanStore>.Instance);

            // Other people's plans, written as an older version did: no index entries; the backfill finds them once.
            var now = DateTimeOffset.UtcNow;
            for (var start = 0; start < size; start += 1000)
            {
                var batch = Enumerable.Range(start, Math.Min(1000, size - start))
                    .ToDictionary(i => PlanStore.Key("other-" + i), i => (object)new Samskapelse.Bot.Storage.PlanDocument { Plan = SamplePlans.Empty() with { Id = "other-" + i, OwnerId = "29:owner-" + i, UpdatedAt = now } });
                await storage.WriteAsync(batch);
            }

            var backfill = new PersonIndexBackfill(storage, NullLogger<PersonIndexBackfill>.Instance);
            var watch = Stopwatch.StartNew();
            await backfill.EnsureAsync(default);
            var backfillMs = watch.Elapsed.TotalMilliseconds;

            for (var i = 0; i < 3; i++)
            {
                await plans.CreateAsync(SamplePlans.Empty() with { Id = "own-" + i, OwnerId = Subject, Title = "Subject's plan " + i }, default);
            }

            for (var i = 0; i < 5; i++)
            {
                await plans.UpdateAsync("other-" + (i * (size / 5)), p => p with { Review = p.Review with { Signatures = [new Signature(new Actor(Subject, null, "Subject Person"), now)], ActiveUserIds = [Subject] } }, default);
            }

            var journeys = new CoachingStore(storage, NullLogger<CoachingStore>.Instance);
            var people = new PeopleDirectory(storage, Options.Create(new CoachingOptions()), NullLogger<PeopleDirectory>.Instance);
            var finder = new PersonalDataFinder(storage, backfill);
            var export = new PersonalDataExport(finder, new AssistantStore(storage), journeys, people, TimeProvider.System, NullLogger<PersonalDataExport>.Instance);
            var eraser = new PersonalDataEraser(storage, finder, plans, journeys, TimeProvider.System, NullLogger<PersonalDataEraser>.Instance);
            var subject = new DataSubject(Subject, null);
            var scope = new PersonalDataScope("msteams", "a:personal-subject");

            await export.BuildAsync(scope, subject, default);
            storage.Reset();
            var times = new List<double>();
            for (var run = 0; run < 5; run++)
            {
                watch.Restart();
                await export.BuildAsync(scope, subject, default);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            var exportReads = storage.ItemsRead / 5;
            var listed = storage.KeysListed;
            storage.Reset();
            watch.Restart();
            var erased = await eraser.EraseAsync(subject, _ => Task.CompletedTask, _ => Task.CompletedTask, default);
            await eraser.PurgeAsync(default);
            var deleteMs = watch.Elapsed.TotalMilliseconds;
            if (erased.OwnPlans != 3 || erased.AnonymisedPlans != 5)
            {
                throw new InvalidOperationException($"Expected 3 own and 5 other plans, found {erased.OwnPlans} and {erased.AnonymisedPlans}.");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {size:N0} | {backfillMs:F0} ms | {times.Order().ElementAt(2):F2} | {exportReads} | {deleteMs:F2} | {storage.ItemsRead} | {listed + storage.KeysListed} |"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>Counts the items read and the keys listed through the store.</summary>
internal sealed class CountingStorage(SqliteStorage inner) : IStorage, IStorageKeyListing, IStorageDecorator
{
    public int ItemsRead { get; private set; }

    public int KeysListed { get; private set; }

    public IStorage Inner => inner;

    public void Reset() => (ItemsRead, KeysListed) = (0, 0);

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ItemsRead += keys.Length;
        return inner.ReadAsync(keys, cancellationToken);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) => inner.WriteAsync(changes, cancellationToken);

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

    public async IAsyncEnumerable<StoredKey> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var key in inner.ListAsync(prefix, cancellationToken))
        {
            KeysListed++;
            yield return key;
        }
    }
}

/// <summary>Serving the map and the Word file of a typical plan: rendered each time, and from the render cache.</summary>
internal static class RenderBench
{
    public static void Run()
    {
        var plan = SamplePlans.Typical();
        var now = DateTimeOffset.UtcNow;
        using var cache = new RenderedDocuments(Options.Create(new DocumentOptions()), TimeProvider.System, NullLogger<RenderedDocuments>.Instance);
        byte[] Map() => MobilisationMap.RenderPng(plan, Language.Nb);
        byte[] Word() => Samskapelse.Documents.PlanDocument.Build(plan, Language.Nb, now, MobilisationMap.RenderPng(plan, Language.Nb));

        Console.WriteLine("| served | rendered each time: ms (median of 20) | from the render cache: µs (median of 20) |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var (name, export, render) in new (string, PlanExport, Func<byte[]>)[] { ("map (PNG)", PlanExport.Map, Map), ("Word", PlanExport.Word, Word) })
        {
            render();
            var fresh = Median(20, () => render());
            cache.GetOrRender(plan, export, Language.Nb, now, render);
            var cached = Median(20, () => cache.GetOrRender(plan, export, Language.Nb, now, render));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {fresh.TotalMilliseconds:F1} | {cached.TotalMicroseconds:F1} |"));
        }
    }

    private static TimeSpan Median(int runs, Action work)
    {
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            work();
            times.Add(watch.Elapsed);
        }

        return times.Order().ElementAt(runs / 2);
    }
}
