using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Primitives;

namespace Samskapelse.Tests.Support;

/// <summary>
/// POST /api/messages byte for byte, through the test server rather than HttpClient, which would tidy
/// up malformed headers (two spaces after Bearer become one) and always declare a length.
/// </summary>
public static class RawRequests
{
    public static async Task<(int StatusCode, string Body)> PostAsync(TestServer server, byte[] body, string? contentType = "application/json; charset=utf-8", bool declareLength = true, IReadOnlyList<string>? authorization = null, Action<HttpContext>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(body);
        var context = await server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Post;
            http.Request.Path = "/api/messages";
            http.Request.ContentType = contentType;
            http.Request.ContentLength = declareLength ? body.Length : null;
            http.Request.Body = new MemoryStream(body);
            if (authorization is { Count: > 0 })
            {
                http.Request.Headers.Authorization = new StringValues([.. authorization]);
            }

            configure?.Invoke(http);
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync());
    }
}
