using System.Collections.Frozen;
using System.Globalization;
using Samskapelse.Localization;

namespace Samskapelse.Planning.Conversation;

/// <summary>
/// Reads typed commands in any of the three languages, whatever language the user reads in:
/// a Danish manager may well type "help". Command words come from the resource files, so the
/// help text always names words that work.
/// </summary>
public static class CommandParser
{
    /// <summary>How long a message <see cref="Suggest"/> reads: a command is short, and a long text is no command.</summary>
    public const int SuggestionWindow = 32;

    /// <summary>What may follow a command word while a question is open for the text still to be the command.</summary>
    private enum Shape
    {
        /// <summary>Nothing: the command word alone.</summary>
        None,

        /// <summary>A free text (a title): while a question is open, a short one makes the message ambiguous.</summary>
        Title,

        /// <summary>A plan's number.</summary>
        PlanNumber,

        /// <summary>A question's number, 0 to 6.</summary>
        QuestionNumber,

        /// <summary>A plan's number and a new title.</summary>
        PlanNumberAndTitle,

        /// <summary>A language code or name.</summary>
        LanguageCode,

        /// <summary>What to share and which plan: "2", "partners", "code 1".</summary>
        ShareTarget,
    }

    private sealed record Command(string Verb, string ResourceKey, Shape Argument)
    {
        public bool TakesArgument => Argument != Shape.None;
    }

    private static readonly Command[] Commands =
    [
        new(Verbs.Help, "Cmd_Help", Shape.None),
        new(Verbs.StartPlan, "Cmd_Start", Shape.Title),
        new(Verbs.ListPlans, "Cmd_Plans", Shape.None),
        new(Verbs.OpenPlan, "Cmd_Open", Shape.PlanNumber),
        new(Verbs.RenamePlan, "Cmd_Rename", Shape.PlanNumberAndTitle),
        new(Verbs.DeletePlan, "Cmd_Delete", Shape.PlanNumber),
        new(Verbs.EditAnswer, "Cmd_Edit", Shape.QuestionNumber),
        new(Verbs.Back, "Cmd_Back", Shape.None),
        new(Verbs.Skip, "Cmd_Skip", Shape.None),
        new(Verbs.Next, "Cmd_Next", Shape.None),
        new(Verbs.Pause, "Cmd_Pause", Shape.None),
        new(Verbs.Continue, "Cmd_Continue", Shape.None),
        new(Verbs.ShowSummary, "Cmd_Summary", Shape.None),
        new(Verbs.EditCodeOfConduct, "Cmd_Code", Shape.None),
        new(Verbs.FollowUp, "Cmd_FollowUp", Shape.None),
        new(Verbs.SetLanguage, "Cmd_Language", Shape.LanguageCode),
        new(Verbs.Share, "Cmd_Share", Shape.ShareTarget),
        new(Verbs.ConfirmDelete, "Cmd_Yes", Shape.None),
        new(Verbs.CancelDelete, "Cmd_No", Shape.None),
        new(Samskapelse.Method.MethodVerbs.CoCreation, "Cmd_WhatIsCoCreation", Shape.None),
        new(Samskapelse.Method.MethodVerbs.Maturity, "Cmd_Maturity", Shape.None),
        new(Samskapelse.Method.MethodVerbs.Reflection, "Cmd_Reflection", Shape.None),
    ];

    /// <summary>
    /// Commands other features read before planning (privacy, coaching): not parsed here, but a near miss
    /// of one is suggested like a planning command.
    /// </summary>
    private static readonly (string ResourceKey, bool TakesArgument)[] OtherCommands =
    [
        ("Cmd_Coaching", true), ("Cmd_CoachingStatus", false), ("Cmd_MyCoaching", false), ("Cmd_MyData", false), ("Cmd_DeleteMyData", false),
    ];

    private static readonly FrozenSet<string> ConfirmationVerbs = new[] { Verbs.ConfirmDelete, Verbs.CancelDelete }.ToFrozenSet();

    // Longest alias first, so "ny plan" wins over "start" and "slett plan" over "slett".
    private static readonly (string Alias, Command Command)[] Aliases = Commands
        .SelectMany(c => AllAlternatives(c.ResourceKey).Select(a => (Alias: Normalize(a), Command: c)))
        .OrderByDescending(a => a.Alias.Length)
        .ToArray();

    private static readonly (string Alias, string ResourceKey, bool TakesArgument)[] Suggestable = Commands
        .Where(c => !ConfirmationVerbs.Contains(c.Verb))
        .Select(c => (c.ResourceKey, c.TakesArgument))
        .Concat(OtherCommands)
        .SelectMany(c => AllAlternatives(c.ResourceKey).Select(a => (Normalize(a), c.ResourceKey, c.TakesArgument)))
        .ToArray();

    private static readonly FrozenSet<string> ShareKinds = new[] { "Share_Kind_Partners", "Share_Kind_Alliances", "Share_Kind_CodeOfConduct" }
        .SelectMany(AllAlternatives).Select(Normalize).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> SuggestWords = AllAlternatives("Cmd_Suggest").Select(Normalize).ToFrozenSet(StringComparer.Ordinal);

    // Words that join a command to its argument in a sentence ("coaching for Kari"), dropped from a suggestion.
    private static readonly FrozenSet<string> Prepositions = new[] { "for", "til", "av", "af", "of", "to", "with", "med", "om", "about" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The command in <paramref name="text"/>, or null when the text is not a command.</summary>
    /// <param name="expectingConfirmation">Yes and no are commands only while a confirmation is pending; otherwise they are answers.</param>
    public static Intent? Parse(string text, bool expectingConfirmation) =>
        Read(text, expectingConfirmation, answersFirst: false) is { Ambiguous: false } reading ? reading.Intent : null;

    /// <summary>
    /// Reads <paramref name="text"/> as a command. With <paramref name="answersFirst"/> (a question is open) it is a
    /// command only when it is exactly a command, or a command with an argument of the shape that command takes;
    /// a command with a free title that reads like one ("start Ny plan for eldre") is returned as ambiguous.
    /// </summary>
    public static CommandReading? Read(string text, bool expectingConfirmation, bool answersFirst)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = Normalize(text);
        foreach (var (alias, command) in Aliases)
        {
            if (ConfirmationVerbs.Contains(command.Verb) && !expectingConfirmation)
            {
                continue;
            }

            if (normalized == alias)
            {
                return new CommandReading(Intent.Of(command.Verb), Ambiguous: false);
            }

            if (!command.TakesArgument || !normalized.StartsWith(alias + " ", StringComparison.Ordinal))
            {
                continue;
            }

            var argument = text.Trim()[alias.Length..].Trim();
            var intent = Intent.Of(command.Verb, (CardData.Text, argument));
            if (!answersFirst || HasShape(command.Argument, Normalize(argument)))
            {
                return new CommandReading(intent, Ambiguous: false);
            }

            if (command.Argument == Shape.Title && IsTitleShaped(argument))
            {
                return new CommandReading(intent, Ambiguous: true);
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="text"/> is exactly a word that asks the assistant for suggestions ("forslag", "suggest").</summary>
    public static bool IsSuggestWord(string text) => SuggestWords.Contains(Normalize(text));

    /// <summary>
    /// The command the user most likely meant by a message that is no command ("coach Kari Nordmann", "hjelpe",
    /// "veiledning for Kari"), written in <paramref name="language"/> with the argument kept; null when nothing is close.
    /// Reads at most <see cref="SuggestionWindow"/> characters.
    /// </summary>
    public static string? Suggest(string text, Language language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var window = Normalize(trimmed.Length > SuggestionWindow ? trimmed[..SuggestionWindow] : trimmed);
        var words = window.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words[0].Length < 2)
        {
            return null;
        }

        (string Key, bool TakesArgument, int WordCount, int Score, int Length)? best = null;
        foreach (var (alias, key, takesArgument) in Suggestable)
        {
            var aliasWords = alias.Split(' ');
            if (aliasWords.Length > words.Length)
            {
                continue;
            }

            var typed = string.Join(' ', words[..aliasWords.Length]);
            var tolerance = typed.Length <= 4 ? 1 : 2;
            var score = Levenshtein(typed, alias);
            if (score > tolerance)
            {
                // A stem ("coach" for "coaching", "hjelpen" for "hjelp") is a near miss too, but the weakest kind.
                var stem = typed.Length >= 4 && (alias.StartsWith(typed, StringComparison.Ordinal) || typed.StartsWith(alias, StringComparison.Ordinal));
                if (!stem)
                {
                    continue;
                }

                score = tolerance;
            }

            if (best is null || score < best.Value.Score || (score == best.Value.Score && alias.Length > best.Value.Length))
            {
                best = (key, takesArgument, aliasWords.Length, score, alias.Length);
            }
        }

        if (best is not { } found)
        {
            return null;
        }

        var suggestion = Texts.Alternatives(language, found.Key)[0];
        var rest = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(found.WordCount).ToList();
        if (found.TakesArgument && rest.Count > 0 && Prepositions.Contains(rest[0].ToLowerInvariant()))
        {
            rest.RemoveAt(0);
        }

        if (found.TakesArgument && rest.Count > 0)
        {
            suggestion += " " + string.Join(' ', rest);
        }

        return Normalize(suggestion) == Normalize(trimmed) ? null : suggestion;
    }

    /// <summary>The first word of a command in <paramref name="language"/>, for help texts and hints.</summary>
    public static string Word(Language language, string verb) =>
        Texts.Alternatives(language, Commands.First(c => c.Verb == verb).ResourceKey)[0];

    private static IEnumerable<string> AllAlternatives(string key) =>
        Languages.All.SelectMany(l => Texts.Alternatives(l, key)).Distinct(StringComparer.OrdinalIgnoreCase);

    private static bool HasShape(Shape shape, string argument)
    {
        var parts = argument.Split(' ');
        return shape switch
        {
            Shape.PlanNumber => Answers.TryNumber(argument, out _),
            Shape.QuestionNumber => Answers.TryNumber(argument, out var question) && question <= PlanSteps.QuestionCount,
            Shape.PlanNumberAndTitle => parts.Length > 1 && Answers.TryNumber(parts[0], out _),
            Shape.LanguageCode => Languages.TryParseCode(argument, out _),
            Shape.ShareTarget => Answers.TryNumber(argument, out _) || ShareKinds.Contains(argument)
                || (parts.Length > 1 && Answers.TryNumber(parts[^1], out _) && ShareKinds.Contains(string.Join(' ', parts[..^1]))),
            _ => false,
        };
    }

    /// <summary>A title is one short line, not a sentence: no commas, colons, semicolons or full stops inside, at most eight words.</summary>
    private static bool IsTitleShaped(string argument)
    {
        var title = argument.Trim().TrimEnd('.', '!', '?');
        return title.Length is > 0 and <= PlanLimits.TitleLength
            && title.IndexOfAny([',', ';', ':', '.', '!', '?', '(', ')', '\n', '\r']) < 0
            && title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 8;
    }

    private static string Normalize(string text) =>
        string.Join(' ', text.Trim().TrimEnd('.', '!', '?').ToLower(CultureInfo.InvariantCulture).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

/// <summary>A typed command, and whether it could as well be the answer to the open question.</summary>
public sealed record CommandReading(Intent Intent, bool Ambiguous);
