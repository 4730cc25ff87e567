using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;

namespace Samskapelse.Bot.Storage;

/// <summary>
/// Types whose JSON is the same from System.Text.Json as from Newtonsoft with the storage settings, so items of
/// them can be written with the faster serializer and still be read back by Newtonsoft (Bot Builder's state works
/// on it): sealed records and classes of strings, numbers, enums, dates and collections of such, without any
/// Newtonsoft attribute (renames, converters, ignores) and without public fields (which only Newtonsoft writes).
/// Bot Framework's own types are left to Newtonsoft: their names come from Newtonsoft attributes.
/// </summary>
internal static class PlainTypes
{
    private static readonly ConcurrentDictionary<Type, bool> Verdicts = new();

    private static readonly HashSet<Type> Values =
    [
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid),
    ];

    private static readonly HashSet<Type> Collections =
    [
        typeof(List<>), typeof(ImmutableList<>), typeof(ImmutableArray<>), typeof(ImmutableHashSet<>), typeof(IReadOnlyList<>), typeof(IEnumerable<>),
    ];

    // With string keys only: both write them as they are.
    private static readonly HashSet<Type> Dictionaries =
    [
        typeof(Dictionary<,>), typeof(ImmutableDictionary<,>), typeof(IReadOnlyDictionary<,>),
    ];

    /// <summary>A value whose runtime type, and for a bot state's dictionary each entry's, is plain.</summary>
    public static bool Accepts(object value) => value switch
    {
        Dictionary<string, object> state => state.Values.All(entry => entry is null || IsPlain(entry.GetType())),
        _ => IsPlain(value.GetType()),
    };

    public static bool IsPlain(Type type) => Verdicts.GetOrAdd(type, static t => Check(t, []));

    private static bool Check(Type type, HashSet<Type> visiting)
    {
        if ((type.IsPrimitive && type != typeof(IntPtr) && type != typeof(UIntPtr)) || type.IsEnum || Values.Contains(type))
        {
            return true;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Check(underlying, visiting);
        }

        if (type.IsGenericType && Collections.Contains(type.GetGenericTypeDefinition()))
        {
            return Check(type.GetGenericArguments()[0], visiting);
        }

        if (type.IsGenericType && Dictionaries.Contains(type.GetGenericTypeDefinition()))
        {
            return type.GetGenericArguments() is [var key, var value] && key == typeof(string) && Check(value, visiting);
        }

        // Anything else that enumerates (dictionaries, other collections) or may hold a subclass: left to Newtonsoft.
        if (type.IsInterface || type.IsArray || typeof(IEnumerable).IsAssignableFrom(type) || (!type.IsValueType && !type.IsSealed)
            || type.Namespace?.StartsWith("Microsoft.Bot", StringComparison.Ordinal) == true || HasNewtonsoftAttribute(type))
        {
            return false;
        }

        if (!visiting.Add(type))
        {
            return true;
        }

        if (type.GetFields(BindingFlags.Instance | BindingFlags.Public).Length > 0)
        {
            return false;
        }

        foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (HasNewtonsoftAttribute(property))
            {
                return false;
            }

            if (property.GetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0 && !Check(property.PropertyType, visiting))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasNewtonsoftAttribute(MemberInfo member) =>
        member.GetCustomAttributes(inherit: true).Any(a => a.GetType().Namespace?.StartsWith("Newtonsoft.Json", StringComparison.Ordinal) == true);
}
