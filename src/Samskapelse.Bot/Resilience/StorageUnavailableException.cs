namespace Samskapelse.Bot.Resilience;

/// <summary>The bot's storage failed to read, write or delete: the turn could not be kept.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
