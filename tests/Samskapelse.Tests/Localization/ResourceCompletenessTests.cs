using System.Text.RegularExpressions;
using Samskapelse.Localization;
using Samskapelse.Planning;

namespace Samskapelse.Tests.Localization;

public sealed partial class ResourceCompletenessTests
{
    [Theory]
    [InlineData(Language.Nb)]
    [InlineData(Language.Da)]
    public void EveryEnglishText_IsTranslated_WithTheSamePlaceholders(Language language)
    {
        var english = Texts.AllKeys();
        var translated = Texts.KeysIn(language);
        Assert.Empty(english.Except(translated));
        Assert.Empty(translated.Except(english));

        foreach (var key in english)
        {
            Assert.True(Placeholders(Texts.Get(Language.En, key)).SetEquals(Placeholders(Texts.Get(language, key))), $"{key} has other placeholders in {language}");
        }
    }

    [Fact]
    public void EveryEnumTheCardsShow_HasALabelInEveryLanguage()
    {
        var keys = Enum.GetNames<PartnerKind>().Select(k => "Kind_" + k)
            .Concat(Enum.GetNames<PartnerKind>().Select(k => "Mobilisation_Prompt_" + k))
            .Concat(Enum.GetNames<PartnerSide>().Select(k => "Side_" + k))
            .Concat(Enum.GetNames<WheelArena>().Select(k => "Arena_" + k))
            .Concat(Enum.GetNames<CoCreationVariant>().Select(k => "Variant_" + k))
            .Concat(Enum.GetNames<Phase>().Select(k => "Phase_" + k))
            .Concat(Enum.GetNames<Pitfall>().Select(k => "Pitfall_" + k))
            .Concat(CodeOfConductDrafter.AllTemplateKeys)
            .Concat(Enumerable.Range(1, 6).SelectMany(n => new[] { $"Question_{n}_Text", $"Question_{n}_Help", $"Question_{n}_Short" }));

        var missing = keys.Where(k => !Texts.Exists(k)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void TheSixQuestions_AreWordedAsInTheDomainModel()
    {
        Assert.Equal("Hvad vil vi?", Texts.Get(Language.Da, "Question_1_Text"));
        Assert.Equal("Hvilke alliancer kan vi med fordel indgå?", Texts.Get(Language.Da, "Question_6_Text"));
        Assert.Equal("Hvem kan hjelpe oss ute og hjemme?", Texts.Get(Language.Nb, "Question_2_Text"));
        Assert.Equal("Which alliances would it pay to enter?", Texts.Get(Language.En, "Question_6_Text"));
    }

    private static HashSet<string> Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    // Also {0:d} and {0,5}: a format or alignment counts as part of the placeholder.
    [GeneratedRegex(@"\{\d+(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
