using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Samskapelse.Bot.Hosting;

namespace Samskapelse.Bot.Teams;

/// <summary>
/// POST /api/messages, in the order that costs an unauthenticated caller least: the Authorization
/// header's shape (401), the content type (415), the declared length (413), then the body read within
/// the limit and parsed within a depth (413, 400), then the SDK's validation of the token against the
/// activity (401), which needs the activity's channel and service URL, then the tenant boundary (403: an
/// activity from a tenant the bot does not serve is answered before any turn and stores nothing), and only
/// then the turn.
/// The SDK itself reads and parses bodies of up to 30 MB before it authenticates, and answers many
/// forged tokens with 500; Teams sends far less than 256 KB.
/// </summary>
public static partial class MessagesEndpoint
{
    public const long MaxBodyBytes = 256 * 1024;

    public static async Task HandleAsync(HttpContext context, AdapterWithErrorHandler adapter, InboundAuthentication authentication, IBot bot, ILoggerFactory loggers, TenantBoundary tenants)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(loggers);
        ArgumentNullException.ThrowIfNull(tenants);
        var request = context.Request;
        var response = context.Response;
        var logger = loggers.CreateLogger(typeof(MessagesEndpoint));
        if (!authentication.AcceptsHeader(request))
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (!InboundActivityReader.IsJsonContentType(request.ContentType))
        {
            Refuse(response, logger, StatusCodes.Status415UnsupportedMediaType, ActivityProblem.NotJsonContentType);
            return;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            LogTooLarge(logger);
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        // A body without a declared length is also cut off by the server at the same limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        (Microsoft.Bot.Schema.Activity? Activity, ActivityProblem Problem) read;
        try
        {
            read = await InboundActivityReader.ReadAsync(request.Body, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            read = (null, ActivityProblem.TooLarge);
        }

        if (read.Activity is null || read.Problem != ActivityProblem.None)
        {
            if (read.Problem == ActivityProblem.TooLarge)
            {
                LogTooLarge(logger);
                response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            Refuse(response, logger, StatusCodes.Status400BadRequest, read.Problem);
            return;
        }

        var header = request.Headers.Authorization.Count == 1 ? request.Headers.Authorization[0] : null;
        var (authenticated, status) = await authentication.AuthenticateAsync(read.Activity, header, context.RequestAborted).ConfigureAwait(false);
        if (authenticated is null)
        {
            response.StatusCode = status;
            return;
        }

        // 403, not an empty 200: the activity was understood and is refused. The Bot Connector and Teams do not
        // retry a 4xx (Teams retries an invoke only when it times out), and for an invoke the user sees that the
        // app did not answer, which is true in a tenant the bot does not serve.
        if (!tenants.Admits(read.Activity))
        {
            InboundLog.TenantRefused(logger, TenantBoundary.TenantOf(read.Activity) ?? "(none)");
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var invokeResponse = await adapter.ProcessAuthenticatedAsync(authenticated, read.Activity, bot.OnTurnAsync, context.RequestAborted).ConfigureAwait(false);
        await TurnResponseWriter.WriteAsync(response, invokeResponse, context.RequestAborted).ConfigureAwait(false);
    }

    private static void Refuse(HttpResponse response, ILogger logger, int statusCode, ActivityProblem problem)
    {
        InboundLog.BadRequest(logger, statusCode, problem);
        response.StatusCode = statusCode;
    }

    [LoggerMessage(EventId = 1010, EventName = "RequestTooLarge", Level = LogLevel.Warning, Message = "A request to /api/messages was larger than the limit and was refused.")]
    private static partial void LogTooLarge(ILogger logger);
}
