using Samskapelse.Cards.Model;
using Samskapelse.Localization;
using Samskapelse.Planning;
using Samskapelse.Planning.Conversation;
using static Samskapelse.Cards.CardParts;

namespace Samskapelse.Cards.Planning;

/// <summary>
/// The follow-up card: where the initiative stands, and what happened with each partner and alliance,
/// one labelled text box each, so the history grows a dated entry at a time.
/// </summary>
public static class FollowUpCards
{
    public static AdaptiveCard FollowUp(Language language, Plan plan, int card, TextReply? notice)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var body = new List<CardElement?>
        {
            UserSubtle(plan.Title),
            Heading(language.T("FollowUp_Heading")),
            Subtle(language.T("FollowUp_Intro")),
            Notice(language, notice),
            new ChoiceSetInput(language.T("FollowUp_StatusLabel"), EnumChoices<PlanStatus>(language, "Status_"))
            {
                Id = CardData.Status,
                Style = "expanded",
                Value = plan.Status.ToString(),
            },
        };

        foreach (var side in Enum.GetValues<PartnerSide>())
        {
            var partners = plan.Partners.Where(p => p.Side == side).ToList();
            if (partners.Count == 0)
            {
                continue;
            }

            body.Add(Subheading(language.T("Partners_Group_" + side, partners.Count)));
            body.AddRange(partners.Select(p => Entry(language.T("FollowUp_PartnerLabel", p.Name), CardData.FollowUpPartner(p.Id), language)));
        }

        if (!plan.Alliances.IsEmpty)
        {
            body.Add(Subheading(language.T("Alliances_Heading", plan.Alliances.Count)));
            body.AddRange(plan.Alliances.Select(a => Entry(language.T("FollowUp_AllianceLabel", a.Name), CardData.FollowUpAlliance(a.Id), language)));
        }

        body.Add(Subheading(language.T("FollowUp_OtherHeading")));
        body.Add(Entry(language.T("FollowUp_PlanLabel"), CardData.FollowUpNote, language));

        return Card(
            language.T("FollowUp_Heading") + ": " + plan.Title,
            body,
            [Submit(language.T("Action_SaveFollowUp"), Verbs.SaveFollowUp, card, plan.Id), Submit(language.T("Action_Cancel"), Verbs.ShowSummary, null, plan.Id, false)]);
    }

    /// <summary>What an entry is about: the partner's or alliance's name as it was, or the status, or the plan as a whole.</summary>
    public static string About(Language language, FollowUpEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.StatusSetTo is not null ? language.T("Summary_Status")
            : entry.Subject == FollowUpSubject.Plan ? language.T("FollowUp_AboutPlan")
            : entry.SubjectName;
    }

    /// <summary>What happened: the author's text, or the status they set.</summary>
    public static string What(Language language, FollowUpEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.StatusSetTo is { } status ? language.T("Status_" + status) : entry.Text;
    }

    private static TextInput Entry(string label, string id, Language language) => new(label)
    {
        Id = id,
        IsMultiline = true,
        MaxLength = PlanLimits.ItemLength,
        Placeholder = language.T("FollowUp_Placeholder"),
    };
}
