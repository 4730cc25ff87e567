using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Samskapelse.Bot.Hosting;
using Samskapelse.Localization;

namespace Samskapelse.Bot.Coaching;

/// <summary>
/// Writes to a person's personal chat outside their own turn, through the adapter's
/// ContinueConversationAsync with the bot's app id and the conversation reference the directory
/// stored. Failures (the bot uninstalled, 403 not in roster, throttling) are logged and reported
/// as false: the caller decides what the person who acted is told. The adapter is resolved on first
/// use: the reminder service is built at host start, before the configuration checks have spoken.
/// </summary>
public sealed class ProactiveSender(Func<BotAdapter> adapter, PeopleDirectory people, IOptions<BotAuthenticationOptions> authentication, ILogger<ProactiveSender> logger)
{
    public Task<bool> SendAsync(string userId, Func<Language, IReadOnlyList<IActivity>> render, CancellationToken cancellationToken) =>
        SendAsync(null, userId, render, cancellationToken);

    /// <summary>Sends to a person's personal chat as the directory knows them in <paramref name="tenantId"/>.</summary>
    public async Task<bool> SendAsync(string? tenantId, string userId, Func<Language, IReadOnlyList<IActivity>> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        var person = await people.FindDocumentAsync(tenantId, userId, cancellationToken).ConfigureAwait(false);
        if (person?.Reference is null)
        {
            Log.NoReference(logger);
            return false;
        }

        var activities = render(Languages.FromLocale(person.Locale));
        if (activities.Count == 0)
        {
            return true;
        }

        try
        {
            await adapter().ContinueConversationAsync(
                authentication.Value.MicrosoftAppId ?? string.Empty,
                person.Reference,
                (turnContext, token) => turnContext.SendActivitiesAsync([.. activities], token),
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.ProactiveFailed(logger, exception);
            return false;
        }
    }
}
