using Microsoft.Bot.Builder;

namespace Samskapelse.Bot.Storage;

/// <summary>A store wrapped by another feature (the storage guard, telemetry); <see cref="Inner"/> is the store it wraps.</summary>
public interface IStorageDecorator
{
    IStorage Inner { get; }

    /// <summary>The store at the bottom of a chain of decorators.</summary>
    static IStorage Innermost(IStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        while (storage is IStorageDecorator decorator)
        {
            storage = decorator.Inner;
        }

        return storage;
    }
}
