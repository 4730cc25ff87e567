namespace Samskapelse.Method;

/// <summary>The verbs of the method cards a manager reaches alone: what co-creation is, the maturity ladder, the reflection.</summary>
public static class MethodVerbs
{
    public const string CoCreation = "method.cocreation";
    public const string Maturity = "method.maturity";
    public const string SaveMaturity = "method.maturity.save";
    public const string Reflection = "method.reflection";
    public const string SaveReflection = "method.reflection.save";
}

/// <summary>Names of the inputs on the self-assessment cards.</summary>
public static class MethodFields
{
    public const string Maturity = "maturity";
    public const string MaturityNote = "maturityNote";

    public static string Score(Samskapelse.Coaching.Competence competence) => "score_" + (int)competence;

    public static string CompetenceNote(Samskapelse.Coaching.Competence competence) => "note_" + (int)competence;

    public static string Role(Samskapelse.Coaching.LeaderRole role) => "role_" + (int)role;

    public static string RoleNote(Samskapelse.Coaching.LeaderRole role) => "role_" + (int)role + "_note";
}
