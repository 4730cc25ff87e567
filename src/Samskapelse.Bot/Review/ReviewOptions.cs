using System.ComponentModel.DataAnnotations;
using Samskapelse.Review;

namespace Samskapelse.Bot.Review;

/// <summary>The "Review" section: what one person may add to one shared plan.</summary>
public sealed class ReviewOptions
{
    public const string SectionName = "Review";

    /// <summary>Comments one person may write on one plan.</summary>
    [Range(1, 60, ErrorMessage = "Review:CommentsPerPerson must be between 1 and 60 (a plan holds 60 comments).")]
    public int CommentsPerPerson { get; set; } = ReviewQuotas.DefaultCommentsPerPerson;

    /// <summary>Proposals one person may have waiting for a decision on one plan.</summary>
    [Range(1, 20, ErrorMessage = "Review:OpenProposalsPerPerson must be between 1 and 20 (a plan holds 20 open proposals).")]
    public int OpenProposalsPerPerson { get; set; } = ReviewQuotas.DefaultOpenProposalsPerPerson;

    public ReviewQuotas Quotas() => new() { CommentsPerPerson = CommentsPerPerson, OpenProposalsPerPerson = OpenProposalsPerPerson };
}
