using System.Text.RegularExpressions;
using Samskapelse.Bot.Review;
using Samskapelse.Coaching;
using Samskapelse.Localization;
using Samskapelse.Planning.Conversation;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Planning;

/// <summary>The README's command table and the parser agree: every form in it works, and every command's first word is in it.</summary>
public sealed partial class ReadmeCommandTableTests
{
    private static readonly Language[] Columns = [Language.En, Language.Nb, Language.Da];

    /// <summary>Commands read exactly by the privacy desk and the storage-fault middleware.</summary>
    private static readonly string[] ReadElsewhere = ["Cmd_MyData", "Cmd_DeleteMyData", "Cmd_Retry"];

    /// <summary>The table's rows, as the command forms (code spans) in its English, Norsk and Dansk columns.</summary>
    private static List<List<string>[]> Rows()
    {
        var lines = File.ReadAllLines(Path.Combine(NodeTools.RepositoryRoot, "README.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| English | Norsk | Dansk |", StringComparison.Ordinal));
        Assert.True(header >= 0, "README.md has no command table headed | English | Norsk | Dansk |");
        return [.. lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)[1..4].Select(cell => CodeSpan().Matches(cell).Select(m => m.Groups[1].Value).ToList()).ToArray())];
    }

    [Fact]
    public void EveryFormInTheTable_IsACommandTheBotReads()
    {
        var forms = Rows().SelectMany(r => r).SelectMany(c => c).ToList();
        Assert.True(forms.Count > 40, $"only {forms.Count} command forms in the README's table");
        var unread = forms.Where(f => !IsCommand(f)).ToList();
        Assert.True(unread.Count == 0, "Not commands: " + string.Join(", ", unread));
    }

    [Fact]
    public void EveryCommandsFirstWord_IsInItsLanguagesColumn()
    {
        var rows = Rows();
        var missing = new List<string>();
        foreach (var key in AnswerCorpusTests.CommandWords)
        {
            for (var column = 0; column < Columns.Length; column++)
            {
                var word = Texts.Alternatives(Columns[column], key)[0];
                if (!rows.Any(r => r[column].Any(f => AnswerCorpusTests.BeginsWithWord(f, word))))
                {
                    missing.Add($"{key} '{word}' ({Columns[column].Code()})");
                }
            }
        }

        Assert.True(missing.Count == 0, "Missing from the README's command table: " + string.Join(", ", missing));
    }

    private static bool IsCommand(string form) =>
        CommandParser.Parse(form, expectingConfirmation: true) is not null
        || CoachingConversation.ReadCommand(form) is not null
        || CommandParser.IsSuggestWord(form)
        || SharedCards.IsCoOwnerCommand(form)
        || ReadElsewhere.Any(key => Languages.All.Any(l => Texts.Alternatives(l, key).Contains(form, StringComparer.OrdinalIgnoreCase)));

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
