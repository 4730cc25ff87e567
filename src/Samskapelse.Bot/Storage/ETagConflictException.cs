namespace Samskapelse.Bot.Storage;

/// <summary>A write carried an ETag that no longer matches the stored item: someone else changed it first.</summary>
public sealed class ETagConflictException : Exception
{
    public ETagConflictException()
    {
    }

    public ETagConflictException(string message)
        : base(message)
    {
    }

    public ETagConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True for this store's conflicts and for MemoryStorage's, which throws ArgumentException("Etag conflict…").</summary>
    public static bool IsConflict(Exception exception) =>
        exception is ETagConflictException
        || (exception is ArgumentException && exception.Message.StartsWith("Etag conflict", StringComparison.OrdinalIgnoreCase));
}
