using System.Collections.Immutable;
using Samskapelse.Coaching;

namespace Samskapelse.Method;

/// <summary>
/// A manager's own self-assessment, made without HR: where their unit stands on the maturity ladder, and a
/// reflection on the six competences and the leader's five roles. Kept in the manager's profile (user state),
/// so it is in "my data" and goes with "delete my data"; coaching reuses it only with the manager's consent.
/// </summary>
public sealed record SelfAssessment
{
    public MaturityStep? Maturity { get; init; }

    public string? MaturityNote { get; init; }

    public DateTimeOffset? MaturityAt { get; init; }

    public ImmutableList<CompetenceNote> Competences { get; init; } = [];

    public ImmutableList<RoleNote> Roles { get; init; } = [];

    public DateTimeOffset? ReflectionAt { get; init; }

    public bool IsEmpty => Maturity is null && MaturityNote is null && Competences.IsEmpty && Roles.IsEmpty;

    public CompetenceNote? For(Competence competence) => Competences.Find(c => c.Competence == competence);

    public RoleNote? For(LeaderRole role) => Roles.Find(r => r.Role == role);

    /// <summary>The answers a coaching journey starts from when the manager agrees to reuse them.</summary>
    public JourneyAnswers AsJourneyAnswers(JourneyAnswers current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var competences = current.Competences;
        foreach (var note in Competences.Where(n => !competences.ContainsKey(n.Competence)))
        {
            competences = competences.SetItem(note.Competence, new CompetenceAnswer(note.Score, note.Note));
        }

        var roles = current.Roles;
        foreach (var note in Roles.Where(n => !roles.ContainsKey(n.Role)))
        {
            roles = roles.SetItem(note.Role, new RoleAnswer(note.InPlace, note.Note));
        }

        return current with
        {
            Competences = competences,
            Roles = roles,
            Maturity = current.Maturity ?? Maturity,
            MaturityReflection = current.MaturityReflection ?? MaturityNote,
        };
    }
}

/// <summary>One competence as the manager sees it in themself: a score from 1 to 5 and a short note, both optional.</summary>
public sealed record CompetenceNote(Competence Competence, int? Score, string? Note);

/// <summary>One of the leader's five roles: in place today or not, and a short note.</summary>
public sealed record RoleNote(LeaderRole Role, bool InPlace, string? Note);

/// <summary>The five steps to co-creation (denoffentlige.dk, "fem trin til samskabelse"), from curious to co-creating.</summary>
public static class MaturityLadder
{
    public static IReadOnlyList<MaturityStep> Steps { get; } = Enum.GetValues<MaturityStep>();

    /// <summary>The step above, or null at the top.</summary>
    public static MaturityStep? Next(MaturityStep step) => step == MaturityStep.CoCreating ? null : step + 1;
}
