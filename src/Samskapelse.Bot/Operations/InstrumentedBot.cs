using System.Collections.Frozen;
using System.Diagnostics;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Bot.Operations;

/// <summary>
/// A span and metrics around every turn, and for a card button press (an adaptiveCard/action invoke or
/// a message carrying card data) the card action metrics too. Reads only the activity's type, the
/// conversation type and the card's verb, each reduced to a fixed set of values.
/// </summary>
public sealed class InstrumentedBot(IBot inner, Telemetry telemetry, CardVerbs verbs) : IBot
{
    private const string Execute = "execute";
    private const string Submit = "submit";

    private static readonly FrozenDictionary<string, string> ActivityTypeNames = new[]
    {
        ActivityTypes.Message, ActivityTypes.Invoke, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate,
        ActivityTypes.MessageReaction, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete, ActivityTypes.Event,
        ActivityTypes.Typing, ActivityTypes.EndOfConversation,
    }.ToFrozenDictionary(t => t, t => t, StringComparer.OrdinalIgnoreCase);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var activityType = activity.Type is not null && ActivityTypeNames.TryGetValue(activity.Type, out var known) ? known : TelemetryTags.Other;
        var conversationType = activity.Conversation?.ConversationType switch
        {
            null => "none",
            "personal" => "personal",
            "groupChat" => "groupChat",
            "channel" => "channel",
            _ => TelemetryTags.Other,
        };
        var card = CardActionOf(activity);

        using var span = Telemetry.Source.StartActivity("turn " + activityType, ActivityKind.Internal);
        span?.SetTag(TelemetryTags.ActivityType, activityType);
        span?.SetTag(TelemetryTags.ConversationType, conversationType);
        if (card is { } action)
        {
            span?.SetTag(TelemetryTags.CardAction, action.Kind);
            span?.SetTag(TelemetryTags.CardVerb, action.Verb);
        }

        var started = telemetry.Timestamp();
        var outcome = TelemetryTags.Error;
        try
        {
            await inner.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
            outcome = TelemetryTags.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = TelemetryTags.Cancelled;
            throw;
        }
        finally
        {
            var seconds = telemetry.SecondsSince(started);
            span?.SetTag(TelemetryTags.Outcome, outcome);
            if (outcome == TelemetryTags.Error)
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }

            telemetry.Turn(seconds, new TagList { { TelemetryTags.ActivityType, activityType }, { TelemetryTags.ConversationType, conversationType }, { TelemetryTags.Outcome, outcome } });
            if (card is { } pressed)
            {
                telemetry.CardAction(seconds, new TagList { { TelemetryTags.CardAction, pressed.Kind }, { TelemetryTags.CardVerb, pressed.Verb }, { TelemetryTags.ConversationType, conversationType }, { TelemetryTags.Outcome, outcome } });
            }
        }
    }

    private (string Kind, string Verb)? CardActionOf(IActivity activity)
    {
        if (activity is IInvokeActivity { Name: "adaptiveCard/action" } invoke && invoke.Type == ActivityTypes.Invoke)
        {
            return (Execute, verbs.Tag(StringAt(invoke.Value, "action", "verb")));
        }

        if (activity is IMessageActivity { Value: not null } message && message.Type == ActivityTypes.Message)
        {
            return (Submit, verbs.Tag(StringAt(message.Value, CardData.Verb)));
        }

        return null;
    }

    private static string? StringAt(object? value, params string[] path)
    {
        JToken? token = value as JToken;
        foreach (var name in path)
        {
            token = token is JObject obj ? obj[name] : null;
        }

        return token is JValue { Type: JTokenType.String } text ? (string?)text : null;
    }
}
