using System.Globalization;
using System.Text;
using Samskapelse.Localization;
using Samskapelse.Planning;

namespace Samskapelse.Documents;

/// <summary>The plan as plain Markdown (CommonMark with GitHub tables), for wikis and e-mails.</summary>
public static class PlanMarkdown
{
    public static string Build(Plan plan, Language language, DateTimeOffset madeAt)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(Inline(plan.Title)).AppendLine();
        md.Append('*').Append(Inline(language.T("Summary_OverviewKicker"))).AppendLine("*").AppendLine();
        Fact(md, language.T("Summary_Owner"), string.IsNullOrWhiteSpace(plan.OwnerName) ? "–" : plan.OwnerName);
        if (plan.Arena is { } arena)
        {
            Fact(md, language.T("Setup_ArenaLabel"), language.Arena(arena));
        }

        if (plan.Variant is { } variant)
        {
            Fact(md, language.T("Setup_VariantLabel"), language.Variant(variant));
        }

        if (plan.Phase is { } phase)
        {
            Fact(md, language.T("Setup_PhaseLabel"), language.Phase(phase));
        }

        if (PlanWords.ShowsStatus(plan))
        {
            Fact(md, language.T("Summary_Status"), language.Status(plan.Status));
        }

        md.AppendLine();
        Paragraph(md, language.T("Documents_Made", madeAt.ToString("d", language.Culture())), true);

        md.Append("## ").AppendLine(Inline(language.T("Documents_QuestionsHeading"))).AppendLine();
        Question(md, language, 1);
        Paragraph(md, language.AnswerOrStatus(plan, 1, plan.Goal), !PlanWords.IsAnswered(plan.Goal));
        if (!plan.Contributions.IsEmpty)
        {
            Fact(md, language.T("Summary_Contributions"), language.Contributions(plan));
            md.AppendLine();
        }

        Question(md, language, 2);
        if (plan.Partners.IsEmpty)
        {
            Paragraph(md, language.AnswerOrStatus(plan, 2, null), true);
        }
        else
        {
            if (PlanWords.AnyResources(plan))
            {
                Table(md, [language.T("Documents_PartnerColumn"), language.T("Documents_SideColumn"), language.T("Documents_KindColumn"), language.T("Documents_ResourcesColumn")],
                    plan.Partners.OrderBy(p => p.Side).Select(p => (IReadOnlyList<string>)[p.Name, language.Side(p.Side), language.Kind(p.Kind), language.Resources(p)]));
            }
            else
            {
                Table(md, [language.T("Documents_PartnerColumn"), language.T("Documents_SideColumn"), language.T("Documents_KindColumn")],
                    plan.Partners.OrderBy(p => p.Side).Select(p => (IReadOnlyList<string>)[p.Name, language.Side(p.Side), language.Kind(p.Kind)]));
            }
        }

        Question(md, language, 3);
        if (plan.Partners.IsEmpty)
        {
            Paragraph(md, language.AnswerOrStatus(plan, 3, null), true);
        }
        else
        {
            foreach (var partner in plan.Partners.OrderBy(p => p.Side))
            {
                var mobilised = PlanWords.IsAnswered(partner.Mobilisation);
                var how = mobilised ? Inline(partner.Mobilisation!) : "*" + Inline(language.T("Summary_NotMobilised")) + "*";
                md.Append("- **").Append(Inline(partner.Name)).Append("**: ").AppendLine(how);
            }

            md.AppendLine();
        }

        Question(md, language, 4);
        Paragraph(md, language.AnswerOrStatus(plan, 4, plan.Collaboration), !PlanWords.IsAnswered(plan.Collaboration));

        Question(md, language, 5);
        if (plan.RelatedActivities.IsEmpty)
        {
            Paragraph(md, language.AnswerOrStatus(plan, 5, null), true);
        }
        else
        {
            List(md, plan.RelatedActivities.Select(a => a.Description), numbered: false);
        }

        Question(md, language, 6);
        if (plan.Alliances.IsEmpty)
        {
            Paragraph(md, language.AnswerOrStatus(plan, 6, null), true);
        }
        else
        {
            Table(md, [language.T("Documents_AllianceColumn"), language.T("Alliances_PartnersLabel"), language.T("Alliances_PurposeLabel")],
                plan.Alliances.Select(a => (IReadOnlyList<string>)[a.Name, PlanWords.AllianceMembers(plan, a) is { Count: > 0 } names ? string.Join(", ", names) : "–", a.Purpose ?? "–"]));
        }

        md.Append("## ").AppendLine(Inline(language.T("Code_Heading"))).AppendLine();
        List(md, PlanWords.Principles(plan).Select(p => language.Principle(p)), numbered: true);
        md.Append("### ").AppendLine(Inline(language.T("Documents_SignedByHeading"))).AppendLine();
        var signedBy = plan.Review.Signatures;
        if (signedBy.IsEmpty)
        {
            Paragraph(md, language.T("Documents_SignedByNobody"), true);
        }
        else
        {
            List(md, signedBy.Select(s => language.T("Documents_Signature", s.By.Name, s.At.ToString("d", language.Culture()))), numbered: false);
        }

        if (!plan.FollowUps.IsEmpty)
        {
            md.Append("## ").AppendLine(Inline(language.T("Documents_FollowUpHeading"))).AppendLine();
            Table(md, [language.T("Documents_FollowUpDateColumn"), language.T("Documents_FollowUpAboutColumn"), language.T("Documents_FollowUpWhatColumn"), language.T("Documents_FollowUpByColumn")],
                plan.FollowUps.Select(f => (IReadOnlyList<string>)[f.At.ToString("d", language.Culture()), language.FollowUpAbout(f), language.FollowUpWhat(f), string.IsNullOrWhiteSpace(f.By.Name) ? "–" : f.By.Name]));
        }

        var pitfalls = PitfallCheck.Run(plan);
        md.Append("## ").AppendLine(Inline(language.T(pitfalls.Count == 0 ? "Pitfalls_NoneHeading" : "Pitfalls_Heading"))).AppendLine();
        if (pitfalls.Count == 0)
        {
            Paragraph(md, language.T("Pitfalls_None"), false);
        }
        else
        {
            List(md, pitfalls.Select(p => language.T("Pitfall_" + p)), numbered: false);
        }

        Paragraph(md, language.T("Pitfalls_Footnote"), true);
        return md.ToString().TrimEnd() + "\n";
    }

    private static void Fact(StringBuilder md, string label, string value) =>
        md.Append("- **").Append(Inline(label)).Append(":** ").AppendLine(Inline(value));

    private static void Question(StringBuilder md, Language language, int number) =>
        md.Append("### ").AppendLine(Inline(language.T("Summary_QuestionLine", number, language.T($"Question_{number}_Text")))).AppendLine();

    /// <summary>A paragraph that keeps the user's line breaks (two spaces before each newline).</summary>
    private static void Paragraph(StringBuilder md, string text, bool emphasised)
    {
        var lines = Lines(text).Select(l => Inline(l, lineStart: true)).ToList();
        var joined = string.Join("  \n", lines);
        md.AppendLine(emphasised ? "*" + joined + "*" : joined).AppendLine();
    }

    private static void List(StringBuilder md, IEnumerable<string> items, bool numbered)
    {
        var n = 0;
        foreach (var item in items)
        {
            n++;
            md.Append(numbered ? n.ToString(CultureInfo.InvariantCulture) + ". " : "- ").AppendLine(Inline(string.Join(" ", Lines(item)), lineStart: true));
        }

        md.AppendLine();
    }

    private static void Table(StringBuilder md, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        md.Append("| ").Append(string.Join(" | ", headers.Select(Cell))).AppendLine(" |");
        md.Append('|').Append(string.Concat(headers.Select(_ => " --- |"))).AppendLine();
        foreach (var row in rows)
        {
            md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).AppendLine(" |");
        }

        md.AppendLine();
    }

    private static string[] Lines(string text) =>
        (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    private static string Cell(string text) => string.Join("<br>", Lines(text).Select(l => Inline(l)));

    /// <summary>
    /// Escapes what Markdown would read as formatting or HTML (pipes too, for table cells); letters such
    /// as æ, ø and å pass as they are. Only text at the start of a line can turn into a list.
    /// </summary>
    private static string Inline(string text, bool lineStart = false)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '#' or '|' or '~')
            {
                escaped.Append('\\').Append(c);
            }
            else if (c == '<')
            {
                escaped.Append("&lt;");
            }
            else if (c == '>')
            {
                escaped.Append("&gt;");
            }
            else if (c == '&')
            {
                escaped.Append("&amp;");
            }
            else
            {
                escaped.Append(c);
            }
        }

        // A line that starts like a list item ("- ", "+ ") or a numbered item ("1. ") would turn into one.
        var result = escaped.ToString();
        if (!lineStart)
        {
            return result;
        }

        var digits = result.Length - result.TrimStart("0123456789".ToCharArray()).Length;
        if (result.Length > 0 && result[0] is '-' or '+')
        {
            return "\\" + result;
        }

        return digits > 0 && digits < result.Length && result[digits] is '.' or ')' ? result[..digits] + "\\" + result[digits..] : result;
    }
}
