using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Samskapelse.Bot.Planning;
using Samskapelse.Cards.Coaching;
using Samskapelse.Cards.Model;
using Samskapelse.Coaching;
using Samskapelse.Localization;
using Samskapelse.Planning.Conversation;

namespace Samskapelse.Bot.Coaching;

/// <summary>Turns coaching replies into Teams activities in the reader's language.</summary>
public static class CoachingRenderer
{
    public const string ExportFileName = "coaching-export.json";

    private static readonly JsonSerializerOptions ExportJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<IActivity> Render(IEnumerable<Reply> replies, Language language, string? chatLink)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var activities = new List<IActivity>();
        foreach (var reply in replies)
        {
            switch (reply)
            {
                case TextReply text:
                    activities.Add(MessageFactory.Text(Texts.Format(language, text.Key, text.Args)));
                    break;
                case CoachingExportReply export:
                    activities.Add(ReplyRenderer.CardActivity(CoachingCards.Export(language, export.Journey)));
                    activities.Add(MessageFactory.Attachment(ExportAttachment(export.Journey)));
                    break;
                default:
                    activities.Add(ReplyRenderer.CardActivity(CardFor(reply, language, chatLink)));
                    break;
            }
        }

        return activities;
    }

    public static AdaptiveCard CardFor(Reply reply, Language language, string? chatLink) => reply switch
    {
        CoachingStartReply start => CoachingCards.Start(language, start),
        CoachingInvitationReply invitation => CoachingCards.Invitation(language, invitation.Journey),
        CoachingStepReply step => CoachingCards.Step(language, step.Journey, step.Hints, step.Notice),
        CoachingNextSittingReply next => CoachingCards.NextSitting(language, next.Journey, next.IsReminder),
        CoachingProgressReply progress => CoachingCards.Progress(language, progress.Journeys),
        CoachingSummaryReply summary => CoachingCards.Summary(language, summary.Journey),
        CoachingSharedSummaryReply shared => CoachingCards.SharedSummary(language, shared.Journey),
        CoachingConfirmDeleteReply delete => CoachingCards.ConfirmDelete(language, delete.Journey),
        CoachingReuseReply reuse => CoachingCards.Reuse(language, reuse.Journey),
        CoachingInstallHelpReply install => CoachingCards.InstallHelp(language, install.ManagerName, chatLink),
        _ => throw new ArgumentOutOfRangeException(nameof(reply), reply.GetType().Name, "No coaching card for this reply."),
    };

    /// <summary>Everything the manager gave, as a JSON file in a data URI: theirs to keep, without any file storage.</summary>
    public static Attachment ExportAttachment(CoachingJourney journey)
    {
        var json = JsonSerializer.Serialize(ExportContent(journey), ExportJson);
        return new Attachment
        {
            ContentType = "application/json",
            Name = ExportFileName,
            ContentUrl = "data:application/json;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(json)),
        };
    }

    /// <summary>What the manager's export holds; the privacy export carries the same.</summary>
    public static object ExportContent(CoachingJourney journey)
    {
        ArgumentNullException.ThrowIfNull(journey);
        return new
        {
            journey.Manager.Name,
            StartedBy = journey.Hr.Name,
            journey.StartDate,
            journey.Rhythm,
            journey.Status,
            journey.Step,
            Skipped = journey.Skipped.Order().ToList(),
            journey.Answers.Competences,
            journey.Answers.Roles,
            journey.Answers.Maturity,
            journey.Answers.MaturityReflection,
            journey.Answers.Risks,
            journey.Answers.Goals,
            journey.Answers.NextSteps,
        };
    }
}
