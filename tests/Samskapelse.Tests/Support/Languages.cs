using Samskapelse.Localization;

namespace Samskapelse.Tests.Support;

public static class TestLocales
{
    public static TheoryData<string, Language> All => new()
    {
        { "en-US", Language.En },
        { "nb-NO", Language.Nb },
        { "da-DK", Language.Da },
    };

    public static string T(Language language, string key, params object[] args) => Texts.Format(language, key, args);

    /// <summary>The first command word of a resource, in a language: what a user of that language would type.</summary>
    public static string Cmd(Language language, string key) => Texts.Alternatives(language, key)[0];
}
