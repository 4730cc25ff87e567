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
    private sealed record Command(string Verb, string ResourceKey, bool TakesArgument);

    private static readonly Command[] Commands =
    [
        new(Verbs.Help, "Cmd_Help", false),
        new(Verbs.StartPlan, "Cmd_Start", true),
        new(Verbs.ListPlans, "Cmd_Plans", false),
        new(Verbs.OpenPlan, "Cmd_Open", true),
        new(Verbs.RenamePlan, "Cmd_Rename", true),
        new(Verbs.DeletePlan, "Cmd_Delete", true),
        new(Verbs.EditAnswer, "Cmd_Edit", true),
        new(Verbs.Back, "Cmd_Back", false),
        new(Verbs.Skip, "Cmd_Skip", false),
        new(Verbs.Next, "Cmd_Next", false),
        new(Verbs.Pause, "Cmd_Pause", false),
        new(Verbs.Continue, "Cmd_Continue", false),
        new(Verbs.ShowSummary, "Cmd_Summary", false),
        new(Verbs.EditCodeOfConduct, "Cmd_Code", false),
        new(Verbs.SetLanguage, "Cmd_Language", true),
        new(Verbs.Share, "Cmd_Share", true),
        new(Verbs.ConfirmDelete, "Cmd_Yes", false),
        new(Verbs.CancelDelete, "Cmd_No", false),
    ];

    // Longest alias first, so "ny plan" wins over "ny".
    private static readonly (string Alias, Command Command)[] Aliases = Commands
        .SelectMany(c => Languages.All.SelectMany(l => Texts.Alternatives(l, c.ResourceKey)).Distinct(StringComparer.OrdinalIgnoreCase).Select(a => (Alias: Normalize(a), Command: c)))
        .OrderByDescending(a => a.Alias.Length)
        .ToArray();

    private static readonly FrozenSet<string> ConfirmationVerbs = new[] { Verbs.ConfirmDelete, Verbs.CancelDelete }.ToFrozenSet();

    /// <summary>The command in <paramref name="text"/>, or null when the text is not a command.</summary>
    /// <param name="expectingConfirmation">Yes and no are commands only while a confirmation is pending; otherwise they are answers.</param>
    public static Intent? Parse(string text, bool expectingConfirmation)
    {
        var normalized = Normalize(text);
        foreach (var (alias, command) in Aliases)
        {
            if (ConfirmationVerbs.Contains(command.Verb) && !expectingConfirmation)
            {
                continue;
            }

            if (normalized == alias)
            {
                return Intent.Of(command.Verb);
            }

            if (command.TakesArgument && normalized.StartsWith(alias + " ", StringComparison.Ordinal))
            {
                var argument = text.Trim()[alias.Length..].Trim();
                return Intent.Of(command.Verb, (CardData.Text, argument));
            }
        }

        return null;
    }

    /// <summary>The command word closest to a mistyped one, in the user's language, or null when none is close.</summary>
    public static string? Suggest(string text, Language language)
    {
        var word = Normalize(text).Split(' ')[0];
        if (word.Length < 2)
        {
            return null;
        }

        var best = Commands
            .Where(c => !ConfirmationVerbs.Contains(c.Verb))
            .SelectMany(c => Languages.All.SelectMany(l => Texts.Alternatives(l, c.ResourceKey)).Select(a => (Alias: Normalize(a), Command: c)))
            .Select(a => (a.Command, Distance: Levenshtein(word, a.Alias)))
            .OrderBy(a => a.Distance)
            .First();

        var tolerance = word.Length <= 4 ? 1 : 2;
        return best.Distance <= tolerance ? Texts.Alternatives(language, best.Command.ResourceKey)[0] : null;
    }

    /// <summary>The first word of a command in <paramref name="language"/>, for help texts and hints.</summary>
    public static string Word(Language language, string verb) =>
        Texts.Alternatives(language, Commands.First(c => c.Verb == verb).ResourceKey)[0];

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
