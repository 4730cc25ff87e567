using System.Diagnostics;
using OpenTelemetry;

namespace Samskapelse.Bot.Operations;

/// <summary>
/// Takes credentials and ids out of every span before it is exported. Paths carry them: a download
/// token in /documents/{token}, conversation ids in the Bot Connector's /v3/conversations/{id}/...,
/// user and conversation ids in blob names. So a request span keeps its route template instead of its
/// path, an outgoing call its scheme, host and port without path or query, and no span keeps a query.
/// </summary>
public sealed class TelemetryRedaction : BaseProcessor<Activity>
{
    /// <summary>What a path becomes when no route template names it.</summary>
    public const string Redacted = "/{redacted}";

    // The stable semantic conventions and the older ones some libraries still emit.
    private static readonly string[] FullUrls = ["url.full", "http.url"];
    private static readonly string[] Paths = ["url.path", "http.target"];
    private static readonly string[] Queries = ["url.query"];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var key in FullUrls)
        {
            if (data.GetTagItem(key) is string url)
            {
                data.SetTag(key, Origin(url));
            }
        }

        var route = data.GetTagItem("http.route") as string;
        foreach (var key in Paths)
        {
            if (data.GetTagItem(key) is string)
            {
                data.SetTag(key, string.IsNullOrEmpty(route) ? Redacted : route);
            }
        }

        foreach (var key in Queries)
        {
            if (data.GetTagItem(key) is not null)
            {
                data.SetTag(key, null);
            }
        }
    }

    /// <summary>scheme://host:port/ of a URL, or the redaction marker when it is not one.</summary>
    public static string Origin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && !string.IsNullOrEmpty(parsed.Host)
            ? parsed.GetLeftPart(UriPartial.Authority).Replace(parsed.UserInfo + "@", string.Empty, StringComparison.Ordinal) + "/"
            : Redacted;
}
