namespace Samskapelse.Assistant;

/// <summary>Where the assistant keeps each plan's token use and open suggestions, apart from the plan itself.</summary>
public interface IAssistantStore
{
    Task<AssistantRecord> GetAsync(string planId, CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="change"/> to the current record with optimistic concurrency; returns the new record.</summary>
    Task<AssistantRecord> UpdateAsync(string planId, Func<AssistantRecord, AssistantRecord> change, CancellationToken cancellationToken);
}
