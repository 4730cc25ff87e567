using System.Globalization;
using System.Resources;

namespace Samskapelse.Localization;

/// <summary>Every user-facing string, read from the Strings resource files (en, nb, da) by key.</summary>
public static class Texts
{
    private static readonly ResourceManager Resources = new("Samskapelse.Localization.Strings", typeof(Texts).Assembly);

    public static string Get(Language language, string key) =>
        Resources.GetString(key, language.Culture())
        ?? throw new KeyNotFoundException($"No text resource named '{key}'.");

    public static string Format(Language language, string key, params object?[] args) =>
        args.Length == 0 ? Get(language, key) : string.Format(language.Culture(), Get(language, key), args);

    /// <summary>Whether the resource exists in the neutral (English) file.</summary>
    public static bool Exists(string key) => Resources.GetString(key, CultureInfo.InvariantCulture) is not null;

    /// <summary>Reads a resource that holds alternatives separated by '|', e.g. command words.</summary>
    public static IReadOnlyList<string> Alternatives(Language language, string key) =>
        Get(language, key).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The resource keys of the neutral file, for the completeness tests.</summary>
    public static IReadOnlyList<string> AllKeys()
    {
        // Not disposed: the ResourceManager caches this set, and a disposed one breaks every later lookup.
        var set = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException("The neutral resource set is missing.");
        return set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The keys present in one language's own file (no fallback), for the completeness tests.</summary>
    public static IReadOnlyList<string> KeysIn(Language language)
    {
        if (language == Language.En)
        {
            return AllKeys();
        }

        var set = Resources.GetResourceSet(language.Culture(), createIfNotExists: true, tryParents: false);
        if (set is null)
        {
            // Satellite assemblies are per neutral culture (nb, da); the region culture has none of its own.
            set = Resources.GetResourceSet(language.Culture().Parent, createIfNotExists: true, tryParents: false);
        }

        return set?.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList() ?? [];
    }
}
