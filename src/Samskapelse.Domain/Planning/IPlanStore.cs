namespace Samskapelse.Planning;

/// <summary>
/// Where plans live. Plans are shared documents (the owner on two devices, later a whole team),
/// so every change is a function of the current plan that the store applies with optimistic
/// concurrency, re-applying it to a fresh copy when someone else changed the plan first.
/// </summary>
public interface IPlanStore
{
    Task<Plan?> FindAsync(string planId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Plan>> FindManyAsync(IEnumerable<string> planIds, CancellationToken cancellationToken);

    Task CreateAsync(Plan plan, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the current plan; returns null when the plan is gone.
    /// A change that returns the very plan it was given writes nothing.
    /// </summary>
    Task<Plan?> UpdateAsync(string planId, Func<Plan, Plan> change, CancellationToken cancellationToken);

    Task DeleteAsync(string planId, CancellationToken cancellationToken);
}
