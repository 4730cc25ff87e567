using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Planning;

namespace Samskapelse.Bot.Documents;

/// <summary>
/// Rendered maps, Word files and Markdown, kept in memory by plan version, form, language and day (the Word file and
/// the Markdown carry the date they were made), so a link fetched again, or by Teams each time a chat shows the map,
/// does not render the same plan again. Every change of a plan makes a new version, so a stale copy is never served;
/// old ones are pushed out by <see cref="DocumentOptions.RenderCacheBytes"/> and by an hour without use.
/// </summary>
public sealed class RenderedDocuments : IDisposable
{
    private static readonly TimeSpan Unused = TimeSpan.FromHours(1);
    private readonly MemoryCache cache;
    private readonly ILogger<RenderedDocuments> logger;

    public RenderedDocuments(IOptions<DocumentOptions> options, TimeProvider time, ILogger<RenderedDocuments> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.RenderCacheBytes, Clock = new Clock(time) });
        this.logger = logger;
    }

    public void Dispose() => cache.Dispose();

    public byte[] GetOrRender(Plan plan, PlanExport export, Language language, DateTimeOffset now, Func<byte[]> render)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(render);
        var key = (plan.Id, plan.Version, plan.UpdatedAt.UtcTicks, export, language, DateOnly.FromDateTime(now.UtcDateTime));
        if (cache.TryGetValue(key, out byte[]? kept) && kept is not null)
        {
            Log.DocumentFromCache(logger, export, plan.Id);
            return kept;
        }

        var content = render();
        cache.Set(key, content, new MemoryCacheEntryOptions { Size = content.Length, SlidingExpiration = Unused });
        return content;
    }

#pragma warning disable CS0618 // MemoryCache takes its clock only as ISystemClock: this one reads the bot's TimeProvider.
    private sealed class Clock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
#pragma warning restore CS0618
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
