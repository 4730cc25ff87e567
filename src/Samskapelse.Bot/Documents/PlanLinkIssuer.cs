using Microsoft.Extensions.Options;
using Samskapelse.Cards.Planning;
using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using Samskapelse.Review;

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

    /// <summary>
    /// The links on the shared card of <paramref name="kind"/> answered to one viewer in a chat: the whole plan
    /// for its owner and co-owners; for the chat's other members only what that card shows (the partners
    /// card's map), in a link the endpoint honours only while the card stays shared there.
    /// </summary>
    public async ValueTask<PlanLinks?> ForSharedCardAsync(Plan plan, string readerId, string conversationId, SharedCardKind kind, Language language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!ReviewActions.IsShared(plan, conversationId, kind))
        {
            return null;
        }

        if (await access.MayReadAsync(plan, readerId, cancellationToken).ConfigureAwait(false))
        {
            return await ForAsync(plan, readerId, language, cancellationToken).ConfigureAwait(false);
        }

        if (!SharedDocumentScope.Grants(kind, PlanExport.Map))
        {
            return null;
        }

        var scope = new SharedDocumentScope(plan.Id, conversationId).Encode();
        var expires = time.GetUtcNow() + options.Value.ImageLinkLifetime;
        return new PlanLinks(Map: urls.Value.PublicBaseUrl.TrimEnd('/') + RoutePrefix + signer.Sign(new DocumentLink(scope, PlanExport.Map, language, readerId, expires)));
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
