using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;

namespace Samskapelse.Cards.Model;

/// <summary>
/// A minimal JSON writer straight into UTF-16 text: cards end up as a string, and going through
/// UTF-8 (Utf8JsonWriter, then decoding) transcodes every character twice. String values are escaped
/// by the same encoder, and so the same way, System.Text.Json's writer would escape them.
/// Property names are the model's own ASCII names; data keys are escaped like values.
/// </summary>
internal sealed class JsonText
{
    /// <summary>Cards stay far below this; a buffer grown past it is given back rather than kept.</summary>
    private const int KeptChars = 128 * 1024;

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private char[] buffer = new char[16 * 1024];
    private int length;

    // True after a value: the next property or array item needs a comma first.
    private bool afterValue;

    public void StartObject()
    {
        BeforeValue();
        Append('{');
        afterValue = false;
    }

    public void StartObject(string name)
    {
        Name(name);
        StartObject();
    }

    public void EndObject()
    {
        Append('}');
        afterValue = true;
    }

    public void StartArray(string name)
    {
        Name(name);
        Append('[');
        afterValue = false;
    }

    public void EndArray()
    {
        Append(']');
        afterValue = true;
    }

    /// <summary>Writes the name of the property whose value comes next.</summary>
    public void Name(string name)
    {
        BeforeValue();
        Append('"');
        Append(name.AsSpan());
        Append("\":".AsSpan());
    }

    public void String(string name, string value)
    {
        Name(name);
        String(value);
    }

    public void String(string value)
    {
        BeforeValue();
        Append('"');
        Escaped(value);
        Append('"');
        afterValue = true;
    }

    /// <summary>A property whose name is data (a dictionary key), escaped like a value.</summary>
    public void EscapedNameString(string name, string value)
    {
        BeforeValue();
        Append('"');
        Escaped(name);
        Append("\":".AsSpan());
        String(value);
    }

    public void Boolean(string name, bool value)
    {
        Name(name);
        Append((value ? "true" : "false").AsSpan());
        afterValue = true;
    }

    public void Number(string name, int value)
    {
        Name(name);
        Reserve(11);
        value.TryFormat(buffer.AsSpan(length), out var written, provider: CultureInfo.InvariantCulture);
        length += written;
        afterValue = true;
    }

    public void StringIfSet(string name, string? value)
    {
        if (value is not null)
        {
            String(name, value);
        }
    }

    public void BooleanIfSet(string name, bool? value)
    {
        if (value is { } set)
        {
            Boolean(name, set);
        }
    }

    public void NumberIfSet(string name, int? value)
    {
        if (value is { } set)
        {
            Number(name, set);
        }
    }

    public override string ToString() => new(buffer, 0, length);

    /// <summary>Empties the writer for the next card.</summary>
    public void Clear()
    {
        length = 0;
        afterValue = false;
        if (buffer.Length > KeptChars)
        {
            buffer = new char[16 * 1024];
        }
    }

    private void BeforeValue()
    {
        if (afterValue)
        {
            Append(',');
            afterValue = false;
        }
    }

    private void Escaped(string value)
    {
        while (true)
        {
            var status = Encoder.Encode(value, buffer.AsSpan(length), out _, out var written);
            if (status == OperationStatus.Done)
            {
                length += written;
                return;
            }

            if (status != OperationStatus.DestinationTooSmall)
            {
                throw new InvalidOperationException($"The JSON encoder could not escape a card text ({status}).");
            }

            // Only room was missing. Escaping makes a character at most six long (\uXXXX): the next try fits.
            Reserve(6 * value.Length);
        }
    }

    private void Append(char c)
    {
        Reserve(1);
        buffer[length++] = c;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(buffer.AsSpan(length));
        length += text.Length;
    }

    private void Reserve(int chars)
    {
        if (length + chars > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + chars));
        }
    }
}
