using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace Samskapelse.Localization;

/// <summary>Every user-facing string, read from the Strings resource files (en, nb, da) by key.</summary>
public static class Texts
{
    private static readonly ResourceManager Resources = new("Samskapelse.Localization.Strings", typeof(Texts).Assembly);

    // Resources never change while the process runs; a card reads dozens of them, and ResourceManager's
    // lookup (culture fallback, locks) and the '|' splitting cost more than building the card around them.
    private static readonly ConcurrentDictionary<(Language Language, string Key), string> Found = new();
    private static readonly ConcurrentDictionary<(Language Language, string Key), IReadOnlyList<string>> Split = new();

    public static string Get(Language language, string key) =>
        Found.TryGetValue((language, key), out var text) ? text : Found.GetOrAdd((language, key), Read);

    public static string Format(Language language, string key, params object?[] args) =>
        args.Length == 0 ? Get(language, key) : string.Format(language.Culture(), Get(language, key), args);

    /// <summary>Whether the resource exists in the neutral (English) file.</summary>
    public static bool Exists(string key) => Resources.GetString(key, CultureInfo.InvariantCulture) is not null;

    /// <summary>Reads a resource that holds alternatives separated by '|', e.g. command words.</summary>
    public static IReadOnlyList<string> Alternatives(Language language, string key) =>
        Split.GetOrAdd((language, key), k => Array.AsReadOnly(Get(k.Language, k.Key).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));

    private static string Read((Language Language, string Key) wanted) =>
        Resources.GetString(wanted.Key, wanted.Language.Culture())
        ?? throw new KeyNotFoundException($"No text resource named '{wanted.Key}'.");

    /// <summary>The resource keys of the neutral file, for the completeness tests.</summary>
    public static IReadOnlyList<string> AllKeys()
    {
        // Not disposed: the ResourceManager caches and shares its resource sets.
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
