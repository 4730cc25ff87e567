using Samskapelse.Planning.Conversation;

namespace Samskapelse.Planning;

public static class PlanLookup
{
    /// <summary>Finds a plan by its number in the list or by its title.</summary>
    public static Plan? Find(IReadOnlyList<Plan> plans, string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        if (Answers.TryNumber(reference, out var number))
        {
            return number >= 1 && number <= plans.Count ? plans[number - 1] : null;
        }

        return plans.FirstOrDefault(p => p.Id == reference.Trim())
            ?? plans.FirstOrDefault(p => string.Equals(p.Title, reference.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? plans.FirstOrDefault(p => p.Title.StartsWith(reference.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
