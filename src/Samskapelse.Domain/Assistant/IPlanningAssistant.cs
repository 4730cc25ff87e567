namespace Samskapelse.Assistant;

/// <summary>
/// An assistant that suggests; it never changes a plan. Implementations: <see cref="OfflineAssistant"/>
/// (deterministic, built on the domain model, the embedded default) and the Azure OpenAI assistant in the bot.
/// </summary>
public interface IPlanningAssistant
{
    AssistantSource Source { get; }

    /// <summary>Suggestions for <paramref name="input"/>; throws <see cref="AssistantFailedException"/> for a fault the user should hear about.</summary>
    Task<AssistantAnswer> SuggestAsync(AssistantInput input, CancellationToken cancellationToken);
}

/// <summary>The suggestions (ids are assigned by the service) and the tokens the call cost.</summary>
public sealed record AssistantAnswer(IReadOnlyList<Suggestion> Suggestions, int TokensUsed);

/// <summary>A failed assistant call: the user gets the fault's message and the offline suggestions instead.</summary>
public sealed class AssistantFailedException : Exception
{
    public AssistantFailedException()
    {
    }

    public AssistantFailedException(string message)
        : base(message)
    {
    }

    public AssistantFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AssistantFailedException(AssistantFault fault, string message, Exception? innerException = null, int tokensUsed = 0)
        : base(message, innerException)
    {
        Fault = fault;
        TokensUsed = tokensUsed;
    }

    public AssistantFault Fault { get; } = AssistantFault.ServiceError;

    /// <summary>Tokens spent even though the answer was unusable (a malformed or filtered reply still costs).</summary>
    public int TokensUsed { get; }
}
