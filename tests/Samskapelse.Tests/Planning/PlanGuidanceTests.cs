using Samskapelse.Assistant;
using Samskapelse.Bot.Planning;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Planning;

/// <summary>The variant and the phase change the guidance: setup lines, question hints, the offline assistant's invitations.</summary>
public sealed class PlanGuidanceTests
{
    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public void SetupCard_ExplainsEachVariantAndPhaseInOneLine(string locale, Language language)
    {
        _ = locale;
        var text = CardReader.AllText(Json(ReplyRenderer.CardFor(new SetupReply(1, null), language)));

        Assert.All(Enum.GetValues<CoCreationVariant>(), v => Assert.Contains(T(language, "Setup_VariantHelp_" + v), text));
        Assert.All(Enum.GetValues<Phase>(), p => Assert.Contains(T(language, "Setup_PhaseHelp_" + p), text));
    }

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public void QuestionCards_CarryADifferentHintForEachVariant(string locale, Language language)
    {
        _ = locale;
        foreach (var step in new[] { PlanStep.Partners, PlanStep.Mobilisation, PlanStep.Collaboration })
        {
            var texts = Enum.GetValues<CoCreationVariant>()
                .Select(v => CardReader.AllText(Json(ReplyRenderer.CardFor(new QuestionReply(SamplePlans.Typical() with { Variant = v, Phase = null }, step, 3), language))))
                .ToList();
            foreach (var (variant, text) in Enum.GetValues<CoCreationVariant>().Zip(texts))
            {
                var hint = T(language, $"Hint_{variant}_{step.Number()}");
                Assert.Contains(hint, text);
                Assert.Single(texts, t => t.Contains(hint, StringComparison.Ordinal));
            }
        }

        var none = CardReader.AllText(Json(ReplyRenderer.CardFor(new QuestionReply(SamplePlans.Typical() with { Variant = null, Phase = null }, PlanStep.Partners, 3), language)));
        Assert.DoesNotContain(PlanGuidance.AllHintKeys, key => none.Contains(T(language, key), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public void QuestionCards_CarryThePhaseHint(string locale, Language language)
    {
        _ = locale;
        var initiation = CardReader.AllText(Json(ReplyRenderer.CardFor(new QuestionReply(SamplePlans.Typical() with { Phase = Phase.Initiation }, PlanStep.Mobilisation, 3), language)));
        Assert.Contains(T(language, "Hint_Initiation_3"), initiation);
        Assert.DoesNotContain(T(language, "Hint_Design_3"), initiation);
    }

    [Fact]
    public void EveryHint_ExistsInEveryLanguage() =>
        Assert.All(PlanGuidance.AllHintKeys, key => Assert.All(Languages.All, l => Assert.False(string.IsNullOrWhiteSpace(Texts.Get(l, key)))));

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public void OfflineInvitations_FollowTheVariantAndPhase_ForPartnersOutside(string locale, Language language)
    {
        _ = locale;
        var plan = SamplePlans.Empty() with
        {
            Partners = [new Partner("p1", "Idrettslaget", PartnerSide.Outside, PartnerKind.Association), new Partner("p2", "Kolleger", PartnerSide.AtHome, PartnerKind.OwnUnit)],
        };
        string Invite(Plan p, string id) => OfflineAssistant.Suggest(new AssistantInput(SuggestionKind.Mobilisation, language, PlanFacts.From(p, language))).Single(s => s.TargetId == id).Text;

        var plain = Invite(plan, "p1");
        var radical = Invite(plan with { Variant = CoCreationVariant.EqualCollaboration, Phase = Phase.Initiation }, "p1");

        Assert.Equal(plain + " " + T(language, "AssistOffline_Mobilise_EqualCollaboration") + " " + T(language, "AssistOffline_Mobilise_Initiation"), radical);
        Assert.Equal(Invite(plan, "p2"), Invite(plan with { Variant = CoCreationVariant.EqualCollaboration }, "p2"));
    }

    private static Newtonsoft.Json.Linq.JObject Json(Samskapelse.Cards.Model.AdaptiveCard card) => CardReader.Parse(Samskapelse.Cards.Model.CardJson.Serialize(card));
}
