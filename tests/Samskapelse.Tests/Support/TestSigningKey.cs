using System.Security.Cryptography;

namespace Samskapelse.Tests.Support;

/// <summary>A strong Documents:SigningKey for the hosts the tests start: 32 random bytes in base64, one per test run.</summary>
public static class TestSigningKey
{
    public static readonly string Base64 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
