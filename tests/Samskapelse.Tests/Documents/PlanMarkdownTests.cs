using Samskapelse.Documents;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Tests.Support;

namespace Samskapelse.Tests.Documents;

public sealed class PlanMarkdownTests
{
    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public void Build_TypicalPlan_HoldsEveryAnswerWithItsLetters(string locale, Language language)
    {
        _ = locale;
        var plan = SamplePlans.Typical();

        var markdown = PlanMarkdown.Build(plan, language, SamplePlans.Now);

        Assert.StartsWith("# Ungdommens møteplass i sentrum\n", markdown, StringComparison.Ordinal);
        Assert.Contains("Et trygt og åpent sted der ungdom møtes på egne premisser.  \nUngdommene eier stedet sammen med oss.", markdown);
        Assert.Contains("| Idrettslaget Ørn | " + Texts.Get(language, "Documents_Side_Outside") + " | ", markdown);
        Assert.Contains("- **Kafé Blåbær AS**: *" + Texts.Get(language, "Summary_NotMobilised") + "*", markdown);
        Assert.Contains("| Trygg by om kvelden | Politiet (forebyggende), Røde Kors, Ungdomsrådet | Færre konflikter og flere voksne ute. |", markdown);
        Assert.Contains("- Nabokommunens ungdomshus «Fyrlykta»", markdown);
        Assert.Contains("1. " + Texts.Get(language, CodeOfConductDrafter.EqualPartnership), markdown);
        Assert.Contains("2. Vi svarer alle partnere innen én uke – også når svaret er «nei».", markdown);
        Assert.Contains("*" + Texts.Get(language, "Documents_SignedByNobody") + "*", markdown);
    }

    [Fact]
    public void Build_UserTextThatLooksLikeMarkup_IsEscaped()
    {
        var plan = SamplePlans.Typical() with
        {
            Goal = "*Not bold* and <b>not html</b>",
            Collaboration = "1. not a numbered list\n- nor a bullet",
            Partners = [new("p1", "Lag | Forening", PartnerSide.Outside, PartnerKind.Association, "1. not a list")],
        };

        var markdown = PlanMarkdown.Build(plan, Language.En, SamplePlans.Now);

        Assert.Contains(@"\*Not bold\* and &lt;b&gt;not html&lt;/b&gt;", markdown);
        Assert.Contains(@"| Lag \| Forening | Outside | ", markdown);
        Assert.Contains(@"- **Lag \| Forening**: 1. not a list", markdown);
        Assert.Contains("1\\. not a numbered list  \n\\- nor a bullet", markdown);
        Assert.Contains("### " + Texts.Format(Language.En, "Summary_QuestionLine", 3, Texts.Get(Language.En, "Question_3_Text")) + "\n", markdown);
    }

    [Fact]
    public void Build_EmptyPlan_SaysWhatIsNotAnsweredOrSkipped()
    {
        var plan = SamplePlans.Empty() with { SkippedQuestions = [4] };

        var markdown = PlanMarkdown.Build(plan, Language.Da, SamplePlans.Now);

        Assert.Contains("*" + Texts.Get(Language.Da, "Summary_Skipped") + "*", markdown);
        Assert.Contains("*" + Texts.Get(Language.Da, "Summary_NoAnswer") + "*", markdown);
        Assert.Contains(Texts.Get(Language.Da, "Pitfall_NoPartners"), markdown);
    }
}
