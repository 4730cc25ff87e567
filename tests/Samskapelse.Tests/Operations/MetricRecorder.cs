using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Samskapelse.Tests.Operations;

/// <summary>Every measurement of one Meter instance (so other hosts and tests in the process do not count), with its tags.</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener listener = new();

    public MetricRecorder(Meter meter)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
    }

    public ConcurrentQueue<Measured> Measurements { get; } = new();

    public IReadOnlyList<Measured> Of(string instrument) => [.. Measurements.Where(m => m.Instrument == instrument)];

    public void Dispose() => listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Measurements.Enqueue(new Measured(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString())));
}

public sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags)
{
    public string? this[string tag] => Tags.TryGetValue(tag, out var value) ? value : null;
}
