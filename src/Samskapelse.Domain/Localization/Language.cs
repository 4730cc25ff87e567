using System.Globalization;

namespace Samskapelse.Localization;

/// <summary>The languages the bot speaks: Norwegian Bokmål, Danish and English.</summary>
public enum Language
{
    En,
    Nb,
    Da,
}

public static class Languages
{
    public static IReadOnlyList<Language> All { get; } = [Language.En, Language.Nb, Language.Da];

    /// <summary>Teams locales nb-NO and nn-NO map to Bokmål, da-DK to Danish, anything else to English.</summary>
    public static Language FromLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return Language.En;
        }

        var primary = locale.Split('-', '_')[0].Trim().ToUpperInvariant();
        return primary switch
        {
            "NB" or "NN" or "NO" => Language.Nb,
            "DA" => Language.Da,
            _ => Language.En,
        };
    }

    public static bool TryParseCode(string? code, out Language language)
    {
        language = Language.En;
        switch (code?.Trim().ToUpperInvariant())
        {
            case "EN" or "ENGLISH" or "ENGELSK":
                language = Language.En;
                return true;
            case "NB" or "NO" or "NN" or "NORSK" or "NORWEGIAN" or "BOKMÅL":
                language = Language.Nb;
                return true;
            case "DA" or "DANSK" or "DANISH":
                language = Language.Da;
                return true;
            default:
                return false;
        }
    }

    // Looked up once: GetCultureInfo takes a process-wide lock on every call, and a card formats dozens of texts.
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static CultureInfo Culture(this Language language) => language switch
    {
        Language.Nb => Norwegian,
        Language.Da => Danish,
        _ => English,
    };

    public static string Code(this Language language) => language switch
    {
        Language.Nb => "nb",
        Language.Da => "da",
        _ => "en",
    };
}
