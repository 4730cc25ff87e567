using Microsoft.Extensions.Options;
using Samskapelse.Cards.Planning;
using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Bot.Documents;

/// <summary>Makes the signed links a reader's summary cards carry: Word, Markdown and the map image.</summary>
public sealed class PlanLinkIssuer(
    DocumentLinkSigner signer,
    IDocumentAccess access,
    IOptions<DocumentOptions> options,
    IOptions<BotUrlOptions> urls,
    TimeProvider time)
{
    public const string RoutePrefix = "/documents/";

    public async ValueTask<PlanLinks?> ForAsync(Plan plan, string readerId, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!await access.MayReadAsync(plan, readerId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var now = time.GetUtcNow();
        string Url(PlanExport export, TimeSpan lifetime) =>
            urls.Value.PublicBaseUrl.TrimEnd('/') + RoutePrefix + signer.Sign(new DocumentLink(plan.Id, export, language, readerId, now + lifetime));

        return new PlanLinks(
            Word: Url(PlanExport.Word, options.Value.LinkLifetime),
            Markdown: Url(PlanExport.Markdown, options.Value.LinkLifetime),
            Map: Url(PlanExport.Map, options.Value.ImageLinkLifetime));
    }

    /// <summary>Links for every plan summarised in a turn, keyed by plan id.</summary>
    public async Task<IReadOnlyDictionary<string, PlanLinks>> ForSummariesAsync(IEnumerable<Reply> replies, string readerId, Language language, CancellationToken cancellationToken)
    {
        var links = new Dictionary<string, PlanLinks>(StringComparer.Ordinal);
        foreach (var summary in replies.OfType<SummaryReply>())
        {
            if (!links.ContainsKey(summary.Plan.Id) && await ForAsync(summary.Plan, readerId, language, cancellationToken).ConfigureAwait(false) is { } planLinks)
            {
                links[summary.Plan.Id] = planLinks;
            }
        }

        return links;
    }
}
