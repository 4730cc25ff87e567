using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Samskapelse.Bot.Storage;

/// <summary>
/// Written values a store may keep as objects and hand to later readers without a JSON round trip: only
/// values nothing can change, that is records whose members are all init-only, of strings, numbers, enums,
/// immutable collections and such records (checked once per type by reflection). A reader always gets a
/// container of its own: a copy of a bot state's dictionary (<see cref="BotState"/> changes it in place), or a
/// clone of a store item carrying its own ETag. Anything else goes back through its stored JSON as before.
/// </summary>
internal static class StoredSnapshots
{
    private static readonly ConcurrentDictionary<(Type Type, bool ExceptETag), bool> Verdicts = new();

    private static readonly HashSet<Type> ImmutableCollections =
    [
        typeof(ImmutableList<>), typeof(ImmutableArray<>), typeof(ImmutableHashSet<>), typeof(ImmutableSortedSet<>),
        typeof(ImmutableDictionary<,>), typeof(ImmutableSortedDictionary<,>), typeof(ImmutableQueue<>), typeof(ImmutableStack<>),
    ];

    private static readonly HashSet<Type> ImmutableValues =
    [
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly),
        typeof(TimeSpan), typeof(Guid), typeof(Uri),
    ];

    private static readonly Func<object, object> ShallowCopy = typeof(object)
        .GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!
        .CreateDelegate<Func<object, object>>();

    /// <summary>What to keep of a value just written with <paramref name="etag"/>; null when it has to be read from its JSON.</summary>
    public static object? Take(object value, string? etag)
    {
        switch (value)
        {
            case IStoreItem item when IsImmutable(item.GetType(), exceptETag: true):
                var kept = (IStoreItem)ShallowCopy(item);
                kept.ETag = etag;
                return kept;
            case IDictionary<string, object> state when value is not IStoreItem && state.Values.All(v => v is null || IsImmutable(v.GetType(), exceptETag: false)):
                return new Dictionary<string, object>(state, StringComparer.Ordinal);
            default:
                return null;
        }
    }

    /// <summary>A reader's own copy of what <see cref="Take"/> kept.</summary>
    public static object Give(object kept) => kept switch
    {
        IStoreItem item => ShallowCopy(item),
        Dictionary<string, object> state => new Dictionary<string, object>(state, StringComparer.Ordinal),
        _ => throw new ArgumentException("Not a kept snapshot.", nameof(kept)),
    };

    /// <summary>
    /// True when nothing reachable from an instance of <paramref name="type"/> can change. Store items may keep
    /// their ETag settable: the clone handed out has its own.
    /// </summary>
    public static bool IsImmutable(Type type, bool exceptETag) =>
        Verdicts.GetOrAdd((type, exceptETag), static key => Check(key.Type, [], key.ExceptETag));

    private static bool Check(Type type, HashSet<Type> visiting, bool exceptETag)
    {
        if (type.IsPrimitive || type.IsEnum || ImmutableValues.Contains(type))
        {
            return true;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Check(underlying, visiting, exceptETag: false);
        }

        if (type.IsGenericType && ImmutableCollections.Contains(type.GetGenericTypeDefinition()))
        {
            return type.GetGenericArguments().All(argument => Check(argument, visiting, exceptETag: false));
        }

        // A subclass could add state of its own; JSON tokens and delegates change or run code.
        if ((!type.IsValueType && !type.IsSealed) || typeof(JToken).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type) || type.IsArray || type.IsPointer)
        {
            return false;
        }

        if (!visiting.Add(type))
        {
            return true;
        }

        // A member the JSON leaves out would survive in memory but not in the store.
        if (type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Any(p => p.IsDefined(typeof(JsonIgnoreAttribute)) || p.IsDefined(typeof(JsonExtensionDataAttribute))))
        {
            return false;
        }

        for (var declaring = type; declaring is not null && declaring != typeof(object) && declaring != typeof(ValueType); declaring = declaring.BaseType)
        {
            foreach (var field in declaring.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (exceptETag && field.Name == $"<{nameof(IStoreItem.ETag)}>k__BackingField")
                {
                    continue;
                }

                if (!field.IsInitOnly || !Check(field.FieldType, visiting, exceptETag: false))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
