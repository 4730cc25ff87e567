using System.Globalization;
using Samskapelse.Cards.Model;
using Samskapelse.Localization;
using static Samskapelse.Cards.CardParts;

namespace Samskapelse.Cards.Privacy;

/// <summary>The verbs and fields of the privacy cards; the verbs start with "privacy." so the bot routes them before planning.</summary>
public static class PrivacyVerbs
{
    public const string Prefix = "privacy.";
    public const string ConfirmDelete = "privacy.delete.confirm";
    public const string CancelDelete = "privacy.delete.cancel";

    public static IReadOnlyList<string> All { get; } = [ConfirmDelete, CancelDelete];

    /// <summary>Until when (Unix seconds) the confirmation card may be pressed.</summary>
    public const string Expires = "expires";
}

/// <summary>A user's own data: what is stored and a download link, the deletion's confirmation, and the card a deleted plan leaves behind.</summary>
public static class PrivacyCards
{
    public static AdaptiveCard Export(Language language, string downloadUrl) =>
        Card(
            language.T("Privacy_ExportHeading"),
            [
                Heading(language.T("Privacy_ExportHeading")),
                Plain(language.T("Privacy_ExportIntro")),
                .. Lines(language.T("Privacy_ExportStored")),
                Subtle(language.T("Privacy_ExportFile", Texts.Alternatives(language, "Cmd_MyData")[0], Texts.Alternatives(language, "Cmd_DeleteMyData")[0])),
            ],
            [new OpenUrlAction(language.T("Action_DownloadMyData"), downloadUrl)]);

    // A TextBlock draws one line break as a space (Teams and the emulator alike): one block per line
    // keeps the list a list.
    private static IEnumerable<TextBlock> Lines(string text) =>
        text.Split('\n').Select((line, i) => Plain(line) with { Spacing = i == 0 ? null : "None" });

    public static AdaptiveCard ConfirmDelete(Language language, DateTimeOffset expires) =>
        Card(
            language.T("Privacy_DeleteHeading"),
            [Heading(language.T("Privacy_DeleteHeading")), Plain(language.T("Privacy_DeleteBody"))],
            [
                Submit(language.T("Action_DeleteMyDataYes"), PrivacyVerbs.ConfirmDelete, validate: false, extra: (PrivacyVerbs.Expires, expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture))),
                Submit(language.T("Action_DeleteMyDataNo"), PrivacyVerbs.CancelDelete, validate: false),
            ]);

    /// <summary>What a shared card of a plan becomes when its owner deletes their data: no name, no content.</summary>
    public static AdaptiveCard PlanDeleted(Language language) =>
        Card(language.T("Privacy_PlanDeletedHeading"), [Subheading(language.T("Privacy_PlanDeletedHeading")), Subtle(language.T("Privacy_PlanDeletedBody"))]);

    /// <summary>What a shared card of a plan becomes when the retention sweep removes the plan: no name, no content.</summary>
    public static AdaptiveCard PlanExpired(Language language, int days) =>
        Card(language.T("Privacy_PlanExpiredHeading", days), [Subheading(language.T("Privacy_PlanExpiredHeading", days)), Subtle(language.T("Privacy_PlanDeletedBody"))]);
}
