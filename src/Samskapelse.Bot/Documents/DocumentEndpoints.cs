using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;
using Samskapelse.Bot.Privacy;
using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Planning;

namespace Samskapelse.Bot.Documents;

/// <summary>
/// GET /documents/{token}: the plan as Word, Markdown or the map PNG, for a valid link. A forged or
/// altered link gets 403, an expired one 410, a deleted plan 404: each a small page in the reader's language.
/// </summary>
public static class DocumentEndpoints
{
    // Letters such as æ, ø and å stay as they are; markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(PlanLinkIssuer.RoutePrefix + "{token}", GetAsync);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(
        string token,
        HttpContext http,
        DocumentLinkSigner signer,
        IPlanStore plans,
        IDocumentAccess access,
        TimeProvider time,
        ILogger<DocumentLinkSigner> logger,
        PersonalDataExport personalData,
        RenderedDocuments rendered,
        CancellationToken cancellationToken)
    {
        // The token is the secret: keep it out of other sites' logs and out of caches.
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers.XContentTypeOptions = "nosniff";

        var check = signer.Read(token);
        if (check is not { Status: LinkStatus.Valid or LinkStatus.Expired, Link: { } link })
        {
            Log.LinkRefused(logger, "forged or altered");
            return Page(StatusCodes.Status403Forbidden, ReaderLanguage(http), "Link_Invalid");
        }

        if (check.Status == LinkStatus.Expired)
        {
            Log.LinkRefused(logger, "expired");
            return Page(StatusCodes.Status410Gone, link.Language, "Link_Expired", Texts.Alternatives(link.Language, link.Export == PlanExport.PersonalData ? "Cmd_MyData" : "Cmd_Summary")[0]);
        }

        if (link.Export == PlanExport.PersonalData)
        {
            return await PersonalDataAsync(http, link, personalData, cancellationToken).ConfigureAwait(false);
        }

        // A member's link names the chat it was made in: it holds only while the card that shows it is shared there.
        var scope = SharedDocumentScope.Decode(link.PlanId);
        var plan = await plans.FindAsync(scope?.PlanId ?? link.PlanId, cancellationToken).ConfigureAwait(false);
        if (plan is null)
        {
            return Page(StatusCodes.Status404NotFound, link.Language, "Link_NotFound");
        }

        if (scope is null ? !await access.MayReadAsync(plan, link.ReaderId, cancellationToken).ConfigureAwait(false) : !scope.Allows(plan, link.Export))
        {
            Log.LinkRefused(logger, "the reader may no longer read the plan");
            return Page(StatusCodes.Status403Forbidden, link.Language, "Link_Invalid");
        }

        var watch = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        var content = rendered.GetOrRender(plan, link.Export, link.Language, now, () => link.Export switch
        {
            PlanExport.Map => MobilisationMap.RenderPng(plan, link.Language),
            PlanExport.Word => PlanDocument.Build(plan, link.Language, now, MobilisationMap.RenderPng(plan, link.Language)),
            _ => Encoding.UTF8.GetBytes(PlanMarkdown.Build(plan, link.Language, now)),
        });
        Log.DocumentServed(logger, link.Export, plan.Id, watch.ElapsedMilliseconds);

        var disposition = new ContentDispositionHeaderValue(link.Export == PlanExport.Map ? "inline" : "attachment");
        disposition.SetHttpFileName(link.Export.FileName(plan.Title));
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(content, link.Export.ContentType());
    }

    /// <summary>The reader's own data: the link names them and their personal chat, so it can only ever be theirs.</summary>
    private static async Task<IResult> PersonalDataAsync(HttpContext http, DocumentLink link, PersonalDataExport personalData, CancellationToken cancellationToken)
    {
        if (PersonalDataScope.Decode(link.PlanId) is not { } scope)
        {
            return Page(StatusCodes.Status403Forbidden, link.Language, "Link_Invalid");
        }

        var content = await personalData.BuildAsync(scope, new Samskapelse.Review.DataSubject(link.ReaderId, null), cancellationToken).ConfigureAwait(false);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(PersonalDataExport.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(content, PlanExport.PersonalData.ContentType());
    }

    private static IResult Page(int status, Language language, string key, params object[] args)
    {
        var title = Html.Encode(Texts.Get(language, key + "_Title"));
        var body = Html.Encode(Texts.Format(language, key + "_Body", args));
        var html = $$"""
            <!DOCTYPE html>
            <html lang="{{language.Code()}}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{title}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2a37;line-height:1.5}h1{color:#1f3a5f;font-size:1.5rem}</style></head>
            <body><h1>{{title}}</h1><p>{{body}}</p></body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>Without a trustworthy link, the page speaks the browser's language.</summary>
    private static Language ReaderLanguage(HttpContext http) =>
        http.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Languages.FromLocale(l.Value.Value))
            .FirstOrDefault(Language.En);
}
