using System.Collections.Immutable;
using System.Globalization;
using Samskapelse.Coaching;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Tests.Coaching;

/// <summary>Journeys for the card tests: a typical one and one with every field at its limit.</summary>
public static class SampleJourneys
{
    private static readonly DateTimeOffset Created = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private static string Text(int length, string seed) => string.Concat(Enumerable.Repeat(seed + " æøå ", length)).Substring(0, length);

    public static CoachingJourney Typical() => new()
    {
        Id = "journey-typical",
        Hr = new Person("29:hr", null, "Hanne HR"),
        Manager = new Person("29:m", null, "Kari Nordmann"),
        StartDate = new DateOnly(2026, 11, 2),
        Note = "Jeg gleder meg til å høre hvordan det går.",
        Status = CoachingStatus.Accepted,
        Step = JourneyStep.Competence3,
        NextReminderAt = Created.AddDays(7),
        Answers = new JourneyAnswers
        {
            Competences = ImmutableDictionary<Competence, CompetenceAnswer>.Empty.Add(Competence.MissionKnowledge, new CompetenceAnswer(4, "Oppdraget er klart for meg, mindre for teamet.")),
            Maturity = MaturityStep.Involving,
        },
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    public static CoachingJourney AtTheLimits() => Typical() with
    {
        Id = "journey-limits",
        Hr = new Person("29:hr", null, Text(80, "Hanne")),
        Manager = new Person("29:m", null, Text(80, "Kari")),
        Note = Text(CoachingLimits.NoteLength, "Notat"),
        Answers = new JourneyAnswers
        {
            Competences = Enum.GetValues<Competence>().ToImmutableDictionary(c => c, c => new CompetenceAnswer(5, Text(CoachingLimits.ReflectionLength, "Refleksjon"))),
            Roles = Enum.GetValues<LeaderRole>().ToImmutableDictionary(r => r, r => new RoleAnswer(true, Text(CoachingLimits.RoleReflectionLength, "Rolle"))),
            Maturity = MaturityStep.CoCreating,
            MaturityReflection = Text(CoachingLimits.ReflectionLength, "Modenhet"),
            Risks = Enum.GetValues<CoachingRisk>().ToImmutableDictionary(r => r, r => Text(CoachingLimits.ReflectionLength, "Risiko")),
            Goals = Text(CoachingLimits.GoalsLength, "Mål"),
            NextSteps = Text(CoachingLimits.GoalsLength, "Steg"),
        },
    };

    public static IReadOnlyList<TextReply> HintsAtTheLimits() =>
        [.. Enumerable.Range(1, CoachingHints.MaxHints).Select(i => new TextReply("CoachHint_NoAlliance", Text(120, "Plan" + i.ToString(CultureInfo.InvariantCulture))))];

    public static IReadOnlyList<Person> People(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new Person("29:p" + i.ToString(CultureInfo.InvariantCulture), null, Text(80, "Person" + i.ToString(CultureInfo.InvariantCulture))))];

    public static IReadOnlyList<CoachingProgress> Progress(int count) =>
        [.. Enumerable.Range(1, count).Select(i => CoachingProgress.Of(AtTheLimits() with { Id = "j" + i.ToString(CultureInfo.InvariantCulture), Status = (CoachingStatus)(i % 7), SharedWithHr = i % 2 == 0 }))];
}
