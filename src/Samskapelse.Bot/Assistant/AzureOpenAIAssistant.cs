using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;
using Azure.AI.OpenAI;
using Azure.Identity;
using OpenAI.Chat;
using Samskapelse.Assistant;

namespace Samskapelse.Bot.Assistant;

/// <summary>
/// The cloud assistant: Azure OpenAI chat completions with a strict JSON schema per kind of suggestion.
/// It owns the per-call timeout and the bounded retries (429 honouring Retry-After, 5xx, a call that
/// timed out, a refused connection; exponential back-off with jitter), all timed by <see cref="TimeProvider"/>;
/// the SDK's own retries are off and its HttpClient has no resilience handler, so each call is retried
/// here alone. (A chat completion is a read: retrying it after a 5xx or a timeout posts nothing twice.) Every failure becomes an <see cref="AssistantFailedException"/> naming its fault.
/// </summary>
public sealed class AzureOpenAIAssistant : IPlanningAssistant
{
    public const string HttpClientName = "AzureOpenAI";

    private readonly ChatClient chat;
    private readonly AssistantOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    public AzureOpenAIAssistant(HttpClient httpClient, AssistantOptions options, TimeProvider time, ILogger<AzureOpenAIAssistant> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.time = time;
        this.logger = logger;

        var settings = options.AzureOpenAI;
        var clientOptions = new AzureOpenAIClientOptions(AzureOpenAIClientOptions.ServiceVersion.V2024_10_21)
        {
            Transport = new HttpClientPipelineTransport(httpClient),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // Our own timeouts cancel first; this only bounds a call whose token nobody cancels.
            NetworkTimeout = options.OverallTimeout + options.CallTimeout,
        };
        var endpoint = new Uri(settings.Endpoint!);
        var client = settings.UseManagedIdentity
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), clientOptions)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(settings.ApiKey!), clientOptions);
        chat = client.GetChatClient(settings.Deployment);
    }

    public AssistantSource Source => AssistantSource.AzureOpenAI;

    public async Task<AssistantAnswer> SuggestAsync(AssistantInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ChatMessage[] messages =
        [
            new SystemChatMessage(AssistantPrompts.System(input.Kind, input.Language)),
            new UserChatMessage(AssistantPrompts.Data(input)),
        ];
        var request = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat(
                "samskapelse_" + AssistantPrompts.Name(input.Kind),
                BinaryData.FromString(AssistantSchemas.For(input.Kind)),
                jsonSchemaIsStrict: true),
            MaxOutputTokenCount = options.MaxOutputTokens,
            Temperature = 0.4f,
        };

        for (var attempt = 0; ; attempt++)
        {
            using var callTimeout = new CancellationTokenSource(options.CallTimeout, time);
            using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, callTimeout.Token);
            TimeSpan delay;
            int status;
            try
            {
                ClientResult<ChatCompletion> result = await chat.CompleteChatAsync(messages, request, call.Token).ConfigureAwait(false);
                return Read(input, result.Value);
            }
            catch (ClientResultException exception) when (exception.Status == 429)
            {
                status = 429;
                delay = RetryAfter(exception.GetRawResponse()) ?? Backoff(attempt);
                if (attempt >= options.MaxRetries || delay > options.MaxRetryAfter)
                {
                    throw Failed(AssistantFault.Throttled, input, exception, 429);
                }
            }
            catch (ClientResultException exception) when (exception.Status >= 500)
            {
                status = exception.Status;
                delay = Backoff(attempt);
                if (attempt >= options.MaxRetries)
                {
                    throw Failed(AssistantFault.ServiceError, input, exception, exception.Status);
                }
            }
            catch (ClientResultException exception) when (IsContentFilter(exception))
            {
                throw Failed(AssistantFault.ContentFiltered, input, exception, exception.Status);
            }
            catch (ClientResultException exception) when (exception.Status == 0 || exception.InnerException is HttpRequestException)
            {
                status = 0;
                delay = Backoff(attempt);
                if (attempt >= options.MaxRetries)
                {
                    throw Failed(AssistantFault.Unreachable, input, exception, 0);
                }
            }
            catch (ClientResultException exception)
            {
                throw Failed(AssistantFault.ServiceError, input, exception, exception.Status);
            }
            catch (HttpRequestException exception)
            {
                status = 0;
                delay = Backoff(attempt);
                if (attempt >= options.MaxRetries)
                {
                    throw Failed(AssistantFault.Unreachable, input, exception, 0);
                }
            }
            catch (OperationCanceledException exception) when (callTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                status = 408;
                delay = TimeSpan.Zero;
                if (attempt >= options.MaxRetries)
                {
                    throw Failed(AssistantFault.Timeout, input, exception, 408);
                }
            }

            Log.Retrying(logger, status, attempt + 1, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private AssistantAnswer Read(AssistantInput input, ChatCompletion completion)
    {
        var tokens = completion.Usage?.TotalTokenCount ?? 0;
        if (completion.FinishReason == ChatFinishReason.ContentFilter || !string.IsNullOrEmpty(completion.Refusal))
        {
            throw Failed(AssistantFault.ContentFiltered, input, null, 200, tokens);
        }

        var json = completion.Content.Count > 0 ? completion.Content[0].Text : null;
        if (completion.FinishReason != ChatFinishReason.Stop || !AssistantAnswerReader.TryRead(input.Kind, json, input.Plan, out var suggestions))
        {
            throw Failed(AssistantFault.Malformed, input, null, 200, tokens);
        }

        Log.Answered(logger, input.Kind, suggestions.Count, tokens);
        return new AssistantAnswer(suggestions, tokens);
    }

    private AssistantFailedException Failed(AssistantFault fault, AssistantInput input, Exception? exception, int status, int tokens = 0)
    {
        Log.CallFailed(logger, exception, fault, status, input.Kind);
        return new AssistantFailedException(fault, "The cloud assistant failed: " + fault, exception, tokens);
    }

    /// <summary>Doubling back-off with ±20 % jitter, so many users throttled at once do not come back in step.</summary>
#pragma warning disable CA5394 // Jitter spreads retries; it guards nothing.
    private TimeSpan Backoff(int attempt) => options.RetryDelay * Math.Pow(2, attempt) * (0.8 + (Random.Shared.NextDouble() * 0.4));
#pragma warning restore CA5394

    /// <summary>Retry-After in seconds or as an HTTP date; Azure also sends retry-after-ms.</summary>
    private TimeSpan? RetryAfter(PipelineResponse? response)
    {
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (response.Headers.TryGetValue("Retry-After", out var value) && !string.IsNullOrWhiteSpace(value))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                var wait = date - time.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }

    /// <summary>Azure OpenAI's content filter answers 400 with error code "content_filter".</summary>
    private static bool IsContentFilter(ClientResultException exception)
    {
        if (exception.Status != 400 || exception.GetRawResponse()?.Content is not { } content)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(content.ToMemory());
            if (!document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            static string? Code(JsonElement element) =>
                element.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;

            return Code(error) == "content_filter"
                || (error.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object && Code(inner) == "ResponsibleAIPolicyViolation");
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
