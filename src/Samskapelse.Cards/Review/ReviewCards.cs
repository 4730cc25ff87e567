using System.Globalization;
using System.Runtime.InteropServices;
using Samskapelse.Cards.Model;
using Samskapelse.Cards.Planning;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using Samskapelse.Review;
using static Samskapelse.Cards.CardParts;

namespace Samskapelse.Cards.Review;

/// <summary>
/// The shared card a team reviews in a channel or group chat, built with Universal Actions:
/// Action.Execute buttons and a refresh that gives each listed viewer their own view. The base
/// card (role Member) is what everyone sees; the owner's refreshed view adds approve/decline and status.
/// </summary>
public static class ReviewCards
{
    /// <summary>Teams gives user-specific views to at most 60 users; beyond that, refresh is manual.</summary>
    public const int MaxRefreshUsers = 60;

    private const int CommentsShown = 5;
    private const int SignaturesNamed = 10;
    private const int ProposalsShown = 5;

    /// <param name="links">The viewer's own download links; only on the card answered to that viewer.</param>
    public static AdaptiveCard Shared(Language language, Plan plan, SharedCardKind kind, ReviewRole role, string? viewerId, TextReply? notice = null, string? editLink = null, bool refused = false, PlanLinks? links = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var kicker = language.T("Review_Kicker", plan.OwnerName, plan.Version);
        var body = new List<CardElement?>
        {
            UserSubtle(kicker),
            UserHeading(plan.Title),
            Notice(language, notice, refused),
        };

        body.AddRange(kind switch
        {
            SharedCardKind.Partners => Partners(language, plan),
            SharedCardKind.Alliances => Alliances(language, plan, role),
            SharedCardKind.CodeOfConduct => Code(language, plan, viewerId),
            _ => Overview(language, plan, role, viewerId),
        });
        if (kind == SharedCardKind.Partners && links?.Map is { } map)
        {
            body.Add(new Image(map, language.T("Map_AltText", plan.Title, plan.PartnersAtHome().Count(), plan.PartnersOutside().Count(), plan.Alliances.Count)) { Size = "Stretch", Spacing = "Medium" });
        }

        body.AddRange(Proposals(language, plan, kind, role));
        body.AddRange(Comments(language, plan));
        if (links?.Word is { } word && links.Markdown is { } markdown)
        {
            body.Add(new ActionSet([new OpenUrlAction(language.T("Action_DownloadWord"), word), new OpenUrlAction(language.T("Action_DownloadMarkdown"), markdown)]) { Spacing = "Medium" });
        }

        var refreshUsers = RefreshUsers(plan);
        var actions = new List<CardAction>();
        if (kind is SharedCardKind.CodeOfConduct or SharedCardKind.Plan && !plan.Review.Signatures.Any(s => s.By.UserId == viewerId))
        {
            actions.Add(Execute(language.T("Review_SignAction"), ReviewVerbs.Sign, plan, kind));
        }

        actions.Add(new ShowCardAction(language.T("Review_CommentAction"), CommentForm(language, plan, kind)));
        actions.Add(new ShowCardAction(language.T("Review_ProposeAction"), ProposalForm(language, plan, kind)));
        if (refreshUsers.Count == 0)
        {
            actions.Add(Execute(language.T("Review_RefreshAction"), ReviewVerbs.Refresh, plan, kind).Secondary());
        }

        // Refresh and the owner's link wait in the overflow menu; with Sign in the row as well, FitRow keeps Sign and
        // Comment there and moves Propose too, so the row fits a phone.
        if (role == ReviewRole.Owner && editLink is not null)
        {
            actions.Add(new OpenUrlAction(language.T("Review_EditInChat"), editLink).Secondary());
        }

        return Card(kicker + ": " + plan.Title, body, FitRow(actions)) with
        {
            Refresh = new Refresh(Execute(language.T("Review_RefreshAction"), ReviewVerbs.Refresh, plan, kind), refreshUsers),
        };
    }

    /// <summary>The owner and the people who acted, newest first, while they fit Teams' limit; none (manual refresh) beyond it.</summary>
    public static IReadOnlyList<string> RefreshUsers(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var active = plan.Review.ActiveUserIds;
        var users = new List<string>(active.Count + 1) { plan.OwnerId };
        var seen = new HashSet<string>(active.Count + 1, StringComparer.Ordinal) { plan.OwnerId };
        for (var i = active.Count - 1; i >= 0; i--)
        {
            if (seen.Add(active[i]))
            {
                users.Add(active[i]);
            }
        }

        foreach (var coOwner in plan.Review.CoOwnerIds)
        {
            if (seen.Add(coOwner))
            {
                users.Add(coOwner);
            }
        }

        return users.Count <= MaxRefreshUsers ? users : [];
    }

    public static ExecuteAction Execute(string title, string verb, Plan plan, SharedCardKind kind, params (string Key, string Value)[] extra)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var data = new Dictionary<string, string>(3 + extra.Length, StringComparer.Ordinal)
        {
            [ReviewFields.Plan] = plan.Id,
            [ReviewFields.Kind] = kind.ToString(),
            [ReviewFields.Version] = ReviewHandlers.VersionText(plan),
        };
        foreach (var (key, value) in extra)
        {
            data[key] = value;
        }

        return new ExecuteAction(title, verb, data);
    }

    private static string AllianceLine(Language language, Plan plan, Alliance alliance, IReadOnlyDictionary<string, (int For, int Against)> votes)
    {
        var (inFavour, against) = votes.GetValueOrDefault(alliance.Id);
        return $"{alliance.Name} · {language.T("AllianceStatus_" + plan.Review.AllianceStatuses.GetValueOrDefault(alliance.Id))} · {language.T("Review_VoteCount", inFavour, against)}";
    }

    /// <summary>The votes for and against each alliance, counted in one pass: a plan at its limits holds hundreds.</summary>
    private static Dictionary<string, (int For, int Against)> VoteCounts(Plan plan)
    {
        var counts = new Dictionary<string, (int For, int Against)>(StringComparer.Ordinal);
        foreach (var vote in plan.Review.Votes)
        {
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, vote.AllianceId, out _);
            count = vote.InFavour ? (count.For + 1, count.Against) : (count.For, count.Against + 1);
        }

        return counts;
    }

    /// <summary>The comments on each partner, counted in one pass.</summary>
    private static Dictionary<string, int> PartnerCommentCounts(Plan plan)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var comment in plan.Review.Comments)
        {
            if (comment.Target == ReviewTarget.Partner && comment.TargetId is { } id)
            {
                counts[id] = counts.GetValueOrDefault(id) + 1;
            }
        }

        return counts;
    }

    private static string Shorten(string? text, int length) =>
        text is null || text.Length <= length ? text.OrDash() : string.Concat(text.AsSpan(0, length - 1), "…");

    private static IEnumerable<CardElement?> Overview(Language language, Plan plan, ReviewRole role, string? viewerId)
    {
        yield return Subheading(language.T("Question_1_Short"));
        yield return UserText(plan.Goal.OrDash());
        yield return Plain(language.T("Summary_PartnerCount", plan.PartnersOutside().Count(), plan.PartnersAtHome().Count()));
        yield return Subheading(language.T("Summary_AlliancesHeading"));
        var votes = VoteCounts(plan);
        if (plan.Alliances.IsEmpty)
        {
            yield return Subtle(language.T("List_Empty"));
        }

        foreach (var alliance in plan.Alliances)
        {
            yield return UserText("• " + AllianceLine(language, plan, alliance, votes), spacing: "None");
        }

        foreach (var element in Code(language, plan, viewerId))
        {
            yield return element;
        }
    }

    private static IEnumerable<CardElement?> Partners(Language language, Plan plan)
    {
        yield return Subheading(language.T("Summary_PartnersHeading"));
        var commentCounts = PartnerCommentCounts(plan);
        foreach (var side in Enum.GetValues<PartnerSide>())
        {
            var partners = plan.Partners.Where(p => p.Side == side).ToList();
            yield return new TextBlock(language.T("Partners_Group_" + side, partners.Count)) { Weight = "Bolder", Spacing = "Medium" };
            foreach (var partner in partners)
            {
                var comments = commentCounts.GetValueOrDefault(partner.Id);
                var suffix = comments == 0 ? string.Empty : " · " + language.T("Review_CommentCount", comments);
                yield return UserText($"{partner.Name} ({language.KindLabel(partner.Kind)}){suffix}: {Shorten(partner.Mobilisation, 140)}", spacing: "Small");
            }
        }
    }

    private static IEnumerable<CardElement?> Alliances(Language language, Plan plan, ReviewRole role)
    {
        yield return Subheading(language.T("Summary_AlliancesHeading"));
        if (plan.Alliances.IsEmpty)
        {
            yield return Subtle(language.T("List_Empty"));
        }

        var votes = VoteCounts(plan);
        var partnerNames = PartnerNames(plan, name => Shorten(name, 40));
        foreach (var alliance in plan.Alliances)
        {
            var status = plan.Review.AllianceStatuses.GetValueOrDefault(alliance.Id);
            var (inFavour, against) = votes.GetValueOrDefault(alliance.Id);
            var members = alliance.MemberNames(partnerNames);
            var items = new List<CardElement>
            {
                UserText(alliance.Name, "Bolder"),
                Labelled(language.T("Alliances_PartnersLabel"), string.Join(", ", members).OrDash(), "Small"),
                Labelled(language.T("Alliances_PurposeLabel"), Shorten(alliance.Purpose, 200)),
                new FactSet(
                [
                    new(language.T("Review_StatusLabel"), language.T("AllianceStatus_" + status)),
                    new(language.T("Review_VotesLabel"), language.T("Review_VoteCount", inFavour, against)),
                ]),
            };
            var buttons = new List<CardAction>();
            if (status != AllianceStatus.Dropped)
            {
                buttons.Add(Execute(language.T("Review_VoteFor"), ReviewVerbs.Vote, plan, SharedCardKind.Alliances, (ReviewFields.Alliance, alliance.Id), (ReviewFields.InFavour, "true")));
                buttons.Add(Execute(language.T("Review_VoteAgainst"), ReviewVerbs.Vote, plan, SharedCardKind.Alliances, (ReviewFields.Alliance, alliance.Id), (ReviewFields.InFavour, "false")));
            }

            items.Add(new ActionSet(buttons));
            yield return new Container(items) { Separator = true, Spacing = "Medium" };
        }

        // One status form for all alliances rather than one per alliance: the card stays small.
        if (role == ReviewRole.Owner && !plan.Alliances.IsEmpty)
        {
            var statuses = Enum.GetValues<AllianceStatus>().Select(s => new Choice(language.T("AllianceStatus_" + s), s.ToString())).ToList();
            yield return new ActionSet(
            [
                new ShowCardAction(language.T("Review_SetStatus"), new AdaptiveCard
                {
                    Body =
                    [
                        new ChoiceSetInput(language.T("Review_WhichAlliance"), [.. plan.Alliances.Select(a => new Choice(Shorten(a.Name, 40), a.Id))]) { Id = ReviewFields.Alliance, Style = "compact", Value = plan.Alliances[0].Id },
                        new ChoiceSetInput(language.T("Review_StatusLabel"), statuses) { Id = ReviewFields.Status, Style = "compact", Value = nameof(AllianceStatus.InTalks) },
                    ],
                    Actions = [Execute(language.T("Action_Save"), ReviewVerbs.SetAllianceStatus, plan, SharedCardKind.Alliances)],
                }),
            ]);
        }
    }

    private static IEnumerable<CardElement?> Code(Language language, Plan plan, string? viewerId)
    {
        var principles = plan.CodeOfConduct.IsEmpty ? CodeOfConductDrafter.Draft(plan) : plan.CodeOfConduct;
        yield return Subheading(language.T("Code_Heading"));
        for (var i = 0; i < principles.Count; i++)
        {
            yield return UserText(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {language.PrincipleText(principles[i])}"), spacing: i == 0 ? null : "None");
        }

        var signatures = plan.Review.Signatures;
        yield return new TextBlock(signatures.IsEmpty ? language.T("Review_NobodySigned") : language.T("Review_SignedCount", signatures.Count)) { Weight = "Bolder", Spacing = "Medium" };
        if (!signatures.IsEmpty)
        {
            var named = string.Join(", ", signatures.TakeLast(SignaturesNamed).Select(s => language.T("Review_SignedBy", s.By.IsMarker() ? language.T("Review_FormerParticipant") : s.By.Name, s.At.ToString("d", language.Culture()))));
            yield return UserSubtle(signatures.Count > SignaturesNamed ? language.T("Review_AndMore", named, signatures.Count - SignaturesNamed) : named);
        }

        var mine = signatures.FirstOrDefault(s => s.By.UserId == viewerId);
        if (mine is not null)
        {
            yield return Subtle(language.T("Review_YouSigned", mine.At.ToString("d", language.Culture())));
        }
    }

    private static IEnumerable<CardElement?> Proposals(Language language, Plan plan, SharedCardKind kind, ReviewRole role)
    {
        var open = plan.Review.Proposals.Where(p => p.Status == ProposalStatus.Open).ToList();
        if (open.Count == 0)
        {
            yield break;
        }

        yield return Subheading(language.T("Review_OpenProposals", open.Count));
        if (open.Count > ProposalsShown)
        {
            yield return Subtle(language.T("Review_ShowingFirst", ProposalsShown));
        }
        foreach (var proposal in open.Take(ProposalsShown))
        {
            var line = UserText(language.T("Review_ProposalLine", language.T("ProposalKind_" + proposal.Kind), Shorten(proposal.Text, 160), proposal.By.Name), spacing: "Small");
            if (role != ReviewRole.Owner)
            {
                yield return line;
                continue;
            }

            yield return new Container(
            [
                line,
                new ActionSet(
                [
                    Execute(language.T("Review_Approve"), ReviewVerbs.Approve, plan, kind, (ReviewFields.Proposal, proposal.Id)),
                    Execute(language.T("Review_Decline"), ReviewVerbs.Decline, plan, kind, (ReviewFields.Proposal, proposal.Id)),
                ]),
            ]);
        }
    }

    private static IEnumerable<CardElement?> Comments(Language language, Plan plan)
    {
        var comments = plan.Review.Comments;
        if (comments.IsEmpty)
        {
            yield break;
        }

        yield return Subheading(language.T("Review_Comments", comments.Count));
        foreach (var comment in comments.TakeLast(CommentsShown))
        {
            var about = comment.Target switch
            {
                ReviewTarget.Partner => plan.FindPartner(comment.TargetId ?? string.Empty)?.Name,
                ReviewTarget.Alliance => plan.Alliances.Find(a => a.Id == comment.TargetId)?.Name,
                ReviewTarget.Principle => language.T("Code_PrincipleLabel", plan.CodeOfConduct.FindIndex(c => c.Id == comment.TargetId) + 1),
                _ => null,
            };
            yield return new RichTextBlock(
            [
                new TextRun(comment.By.Name + (about is null ? string.Empty : " → " + about) + ": ") { Weight = "Bolder" },
                new TextRun(Shorten(comment.Text, 200)),
            ])
            { Spacing = "Small" };
        }
    }

    private static AdaptiveCard CommentForm(Language language, Plan plan, SharedCardKind kind)
    {
        // Each card offers the targets it shows, which also keeps the card small.
        var targets = new List<Choice> { new(language.T("Review_AboutPlan"), "Plan:") };
        targets.AddRange(kind switch
        {
            SharedCardKind.Partners => plan.Partners.Select(p => new Choice(Shorten(p.Name, 40), "Partner:" + p.Id)),
            SharedCardKind.Alliances => plan.Alliances.Select(a => new Choice(Shorten(a.Name, 40), "Alliance:" + a.Id)),
            SharedCardKind.CodeOfConduct => plan.CodeOfConduct.Select((c, i) => new Choice(language.T("Code_PrincipleLabel", i + 1), "Principle:" + c.Id)),
            _ => [],
        });
        return new AdaptiveCard
        {
            Body =
            [
                new ChoiceSetInput(language.T("Review_CommentAbout"), targets) { Id = ReviewFields.Target, Style = "compact", Value = "Plan:" },
                new TextInput(language.T("Review_CommentLabel")) { Id = ReviewFields.CommentText, IsMultiline = true, MaxLength = PlanLimits.ItemLength, IsRequired = true, ErrorMessage = language.T("Review_WriteSomething") },
            ],
            Actions = [Execute(language.T("Review_Send"), ReviewVerbs.Comment, plan, kind)],
        };
    }

    private static AdaptiveCard ProposalForm(Language language, Plan plan, SharedCardKind kind) => new()
    {
        Body =
        [
            new ChoiceSetInput(language.T("Review_ProposalKindLabel"), [.. Enum.GetValues<ProposalKind>().Select(k => new Choice(language.T("ProposalKind_" + k), k.ToString()))])
            {
                Id = ReviewFields.ProposalKind,
                Style = "expanded",
                Value = nameof(ProposalKind.Partner),
            },
            new TextInput(language.T("Review_ProposalLabel")) { Id = ReviewFields.ProposalText, MaxLength = PlanLimits.ItemLength, IsRequired = true, ErrorMessage = language.T("Review_WriteSomething") },
        ],
        Actions = [Execute(language.T("Review_Send"), ReviewVerbs.Propose, plan, kind)],
    };
}
