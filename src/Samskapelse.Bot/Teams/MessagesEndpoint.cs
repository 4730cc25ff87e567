using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;

namespace Samskapelse.Bot.Teams;

/// <summary>
/// POST /api/messages. The SDK reads and parses bodies of up to 30 MB before it authenticates;
/// Teams sends far less than 256 KB, so larger bodies are refused with 413 before anything is parsed.
/// </summary>
public static partial class MessagesEndpoint
{
    public const long MaxBodyBytes = 256 * 1024;

    public static async Task HandleAsync(HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(adapter);
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        // A body without a declared length is cut off by the server at the same limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        try
        {
            await adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            LogTooLarge(loggers.CreateLogger(typeof(MessagesEndpoint)));
            if (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            }
        }
    }

    [LoggerMessage(EventId = 1010, EventName = "RequestTooLarge", Level = LogLevel.Warning, Message = "A request to /api/messages was larger than the limit and was refused.")]
    private static partial void LogTooLarge(ILogger logger);
}
