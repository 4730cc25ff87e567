namespace Samskapelse.Bot.Teams;

/// <summary>Why an inbound request was refused as unauthenticated; logged, never shown to the caller.</summary>
internal enum AuthRefusal
{
    MissingHeader,
    SeveralHeaders,
    NotBearer,
    TokenTooLong,
    MalformedToken,
    AlgorithmNotAllowed,
    NoKeyId,
    UnknownIssuer,
    EmulatorToken,
    IssuedInTheFuture,
    RejectedBySdk,
    NotLoopback,
    ServiceUrlNotAllowed,
}
