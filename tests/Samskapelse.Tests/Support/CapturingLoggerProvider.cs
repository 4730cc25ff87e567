using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Samskapelse.Tests.Support;

/// <summary>
/// Keeps every log record of every category at every level, flattened to text the way a structured sink
/// would see it: the message, each state and scope value (collections item by item), and the exception
/// with its inner exceptions and data.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    private readonly ConcurrentQueue<CapturedLog> entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. entries];

    public void Clear() => entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static void Append(StringBuilder text, object? value, int depth = 0)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                text.Append(s).Append('\n');
                return;
            case IEnumerable<KeyValuePair<string, object?>> pairs when depth < 4:
                foreach (var (key, item) in pairs)
                {
                    text.Append(key).Append('=');
                    Append(text, item, depth + 1);
                }

                return;
            case IEnumerable items when depth < 4:
                foreach (var item in items)
                {
                    Append(text, item, depth + 1);
                }

                return;
            default:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('\n');
                return;
        }
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var text = new StringBuilder();
            text.Append(message).Append('\n');
            Append(text, state);
            provider.scopes.ForEachScope((scope, builder) => Append(builder, scope), text);
            for (var error = exception; error is not null; error = error.InnerException)
            {
                text.Append(error.GetType().FullName).Append(": ").Append(error.Message).Append('\n');
                foreach (DictionaryEntry entry in error.Data)
                {
                    Append(text, entry.Key);
                    Append(text, entry.Value);
                }
            }

            if (exception is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    text.Append(inner.ToString()).Append('\n');
                }
            }

            text.Append(exception?.ToString());
            provider.entries.Enqueue(new CapturedLog(category, logLevel, eventId, message, text.ToString()));
        }
    }
}

/// <summary>One log record: the formatted message, and everything a structured sink would see as text.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, string Text);
