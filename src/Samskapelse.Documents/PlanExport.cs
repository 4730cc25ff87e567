namespace Samskapelse.Documents;

/// <summary>The forms a plan can be taken away in.</summary>
public enum PlanExport
{
    Word,
    Markdown,
    Map,

    /// <summary>Not a plan: everything the bot stores about the reader, as JSON (the privacy export).</summary>
    PersonalData,
}

public static class PlanExports
{
    public static string ContentType(this PlanExport export) => export switch
    {
        PlanExport.Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        PlanExport.Markdown => "text/markdown; charset=utf-8",
        PlanExport.Map => "image/png",
        PlanExport.PersonalData => "application/json; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(export), export, null),
    };

    public static string Extension(this PlanExport export) => export switch
    {
        PlanExport.Word => ".docx",
        PlanExport.Markdown => ".md",
        PlanExport.Map => ".png",
        PlanExport.PersonalData => ".json",
        _ => throw new ArgumentOutOfRangeException(nameof(export), export, null),
    };

    /// <summary>
    /// A file name from the plan's title that every file system accepts; æ, ø and å are kept
    /// (the HTTP layer sends them as RFC 5987 filename*).
    /// </summary>
    public static string FileName(this PlanExport export, string title)
    {
        var invalid = new HashSet<char>(Path.GetInvalidFileNameChars()) { '"', '\\', '/', ':', '*', '?', '<', '>', '|' };
        var cleaned = new string((title ?? string.Empty).Select(c => invalid.Contains(c) || char.IsControl(c) ? ' ' : c).ToArray());
        cleaned = string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        if (cleaned.Length > 80)
        {
            cleaned = cleaned[..80].TrimEnd('.', ' ');
        }

        var suffix = export == PlanExport.Map ? "-map" : string.Empty;
        return (cleaned.Length == 0 ? "plan" : cleaned) + suffix + export.Extension();
    }
}

