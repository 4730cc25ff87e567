namespace Samskapelse.Planning;

/// <summary>
/// Reads a plan against "what co-creation is not" (outsourcing, consultation, resignation) and "where it
/// can go wrong" in the domain model. Rules read the structured plan first (partners' kinds and sides,
/// variant, phase, alliances), and the answers' text second, through whole-word lists per language
/// (<see cref="PitfallWords"/>). The check gives advice to think about; it does not judge.
/// </summary>
public static class PitfallCheck
{
    // Each rule is one line over the facts read from the plan; the order is the order the advice is shown in.
    private static readonly (Pitfall Pitfall, Func<PlanReading, bool> Applies)[] Rules =
    [
        (Pitfall.NoGoal, r => string.IsNullOrWhiteSpace(r.Plan.Goal)),
        (Pitfall.NoPartners, r => r.Plan.Partners.IsEmpty),
        (Pitfall.NoPartnerAtHome, r => !r.Plan.Partners.IsEmpty && r.Home.Count == 0),
        (Pitfall.NoPartnerOutside, r => !r.Plan.Partners.IsEmpty && r.Outside.Count == 0),
        (Pitfall.OnlyPublicBodiesOutside, r => r.Outside.Count > 0 && r.Outside.All(p => p.Kind == PartnerKind.OtherPublicBody)),
        (Pitfall.PartnersNotMobilised, r => r.Plan.Partners.Any(p => string.IsNullOrWhiteSpace(p.Mobilisation))),
        (Pitfall.LooksLikeOutsourcing, r => r.Delivering.Count > 0 && !r.HomeEngaged),
        (Pitfall.LooksLikeResignation, r => r.LooksLikeResignation),
        (Pitfall.LooksLikeConsultation, r => r.ConsultationOnly),
        (Pitfall.NoCollaborationAnswer, r => string.IsNullOrWhiteSpace(r.Plan.Collaboration)),
        (Pitfall.CitizensHaveNoSay, r => r.Plan.Variant == CoCreationVariant.EqualCollaboration && r.Outside.Count > 0 && !r.CitizensHaveASay),
        (Pitfall.GoalNotOpenToPartners, r => r.Plan.Phase == Phase.Initiation && r.Outside.Count > 0 && !r.GoalOpenToPartners),
        (Pitfall.NoAlliance, r => r.Plan.Alliances.IsEmpty),
        (Pitfall.PartnersMayFeelHarnessed, r => r.Delivering.Any(p => IsCivil(p.Kind)) && !r.SharedWorkingForm),
    ];

    /// <summary>The pitfalls the variant and phase make the check look for, beyond those every plan is checked for.</summary>
    public static IReadOnlyList<Pitfall> StricterFor(CoCreationVariant? variant, Phase? phase) =>
    [
        .. variant == CoCreationVariant.EqualCollaboration ? [Pitfall.CitizensHaveNoSay] : Array.Empty<Pitfall>(),
        .. phase == Phase.Initiation ? [Pitfall.GoalNotOpenToPartners] : Array.Empty<Pitfall>(),
    ];

    public static IReadOnlyList<Pitfall> Run(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var reading = new PlanReading(plan);
        return [.. Rules.Where(rule => rule.Applies(reading)).Select(rule => rule.Pitfall)];
    }

    internal static bool IsCivil(PartnerKind kind) => kind is PartnerKind.Association or PartnerKind.Business or PartnerKind.Citizens;

    /// <summary>What the rules read from a plan, worked out once. A new input for the rules is one property here.</summary>
    private sealed class PlanReading
    {
        public PlanReading(Plan plan)
        {
            Plan = plan;
            Outside = [.. plan.PartnersOutside()];
            Home = [.. plan.PartnersAtHome()];
            var outsideAsks = Outside.Select(p => p.Mobilisation).ToList();
            var sharedAsk = Words.Partnership.InAny(outsideAsks);

            HomeEngaged = Home.Any(p => !string.IsNullOrWhiteSpace(p.Mobilisation));
            SharedWorkingForm = Words.Partnership.In(plan.Collaboration) || Words.WorkingForm.In(plan.Collaboration);
            Delivering = [.. Outside.Where(p => Words.Delivery.In(p.Mobilisation) && !Words.Partnership.In(p.Mobilisation))];

            // Consultation: question 3 or question 4 asks for views (a hearing, a citizens' meeting, a survey),
            // and nothing in either asks partners to work with us.
            ConsultationOnly = Words.Consultation.InAny([.. outsideAsks, plan.Collaboration]) && !sharedAsk && !SharedWorkingForm;

            // Resignation: partners outside are left to carry the task: nobody at home takes part and there is no
            // shared way of working; either the answers say so, or question 4 has been answered (or skipped) without one.
            var outsideMobilised = Outside.Any(p => !string.IsNullOrWhiteSpace(p.Mobilisation));
            var leftAlone = Words.LeftAlone.InAny([.. outsideAsks, plan.Collaboration]);
            var fourAnswered = !string.IsNullOrWhiteSpace(plan.Collaboration) || plan.SkippedQuestions.Contains(4);
            LooksLikeResignation = outsideMobilised && !HomeEngaged && !SharedWorkingForm && !sharedAsk && Delivering.Count == 0 && (leftAlone || fourAnswered);

            CitizensHaveASay = Outside.Any(p => p.Kind is PartnerKind.Citizens or PartnerKind.Association) && Words.Say.InAny([.. outsideAsks, plan.Collaboration]);
            GoalOpenToPartners = Words.GoalOpen.InAny([.. outsideAsks, plan.Collaboration]);
        }

        public Plan Plan { get; }

        public List<Partner> Outside { get; }

        public List<Partner> Home { get; }

        /// <summary>Someone at home has an answer to how they take part (question 3).</summary>
        public bool HomeEngaged { get; }

        /// <summary>Question 4 describes a shared way of working, not just a channel.</summary>
        public bool SharedWorkingForm { get; }

        /// <summary>Outside partners asked to carry out the task, with nothing shared in the ask.</summary>
        public List<Partner> Delivering { get; }

        public bool ConsultationOnly { get; }

        public bool LooksLikeResignation { get; }

        /// <summary>Citizens or associations take part, and questions 3 or 4 give them a say in decisions.</summary>
        public bool CitizensHaveASay { get; }

        /// <summary>Questions 3 or 4 invite partners to define the goal or the problem with us.</summary>
        public bool GoalOpenToPartners { get; }
    }

    /// <summary>The word lists, per language. Whole words only; see <see cref="PitfallWords"/>.</summary>
    internal static class Words
    {
        /// <summary>Asking partners to carry out the task: outsourcing in disguise.</summary>
        public static readonly PitfallWords Delivery = new(
            nb: ["utføre", "utfører", "utført", "levere", "leverer", "levert", "overta", "overtar", "overtatt", "drifte", "drifter", "driften", "drive", "driver", "ta over", "stå for", "ansvar for", "ansvaret for", "gjøre jobben"],
            da: ["udføre", "udfører", "udført", "levere", "leverer", "leveret", "overtage", "overtager", "overtaget", "drive", "driver", "driften", "tage over", "stå for", "ansvar for", "ansvaret for", "gøre arbejdet"],
            en: ["deliver", "delivers", "delivered", "carry out", "carries out", "take over", "takes over", "run the", "runs the", "operate", "operates", "do the work", "responsible for", "in charge of"]);

        /// <summary>Asking only for views: consultation (høring) in disguise.</summary>
        public static readonly PitfallWords Consultation = new(
            nb: ["høring", "høringen", "høringer", "høringsrunde", "høringsinnspill", "høringsmøte", "borgermøte", "borgermøtet", "borgermøter", "folkemøte", "folkemøter", "innbyggermøte", "innbyggermøter", "innspill", "innspillsmøte", "spørreundersøkelse", "spørreundersøkelser", "spørreskjema", "undersøkelse", "mening", "meninger", "meningene", "synspunkt", "synspunkter", "tilbakemelding", "tilbakemeldinger", "kommentere", "kommentarer", "uttale", "uttalelse", "høre", "fokusgruppe", "fokusgrupper"],
            da: ["høring", "høringen", "høringer", "høringssvar", "høringsrunde", "borgermøde", "borgermødet", "borgermøder", "spørgeskema", "spørgeskemaer", "spørgeskemaundersøgelse", "undersøgelse", "mening", "meninger", "synspunkt", "synspunkter", "input", "indspil", "tilbagemelding", "tilbagemeldinger", "kommentere", "kommentarer", "høre", "fokusgruppe", "fokusgrupper"],
            en: ["consultation", "consult", "consulted", "hearing", "hearings", "survey", "surveys", "questionnaire", "questionnaires", "opinion", "opinions", "views", "feedback", "comment", "comments", "input", "town hall", "public meeting", "focus group", "focus groups"]);

        /// <summary>A shared, two-way relationship, which outweighs the signals above.</summary>
        public static readonly PitfallWords Partnership = new(
            nb: ["sammen", "felles", "partner", "partnere", "partnerskap", "likeverdig", "likeverdige", "samarbeid", "samarbeide", "samarbeider", "samskape", "samskaper", "samskaping", "medeier", "medeiere", "eierskap"],
            da: ["sammen", "fælles", "partner", "partnere", "partnerskab", "ligeværdig", "ligeværdige", "samarbejde", "samarbejder", "samskabe", "samskaber", "samskabelse", "medejer", "medejere", "ejerskab"],
            en: ["together", "joint", "jointly", "shared", "partner", "partners", "partnership", "equal", "equals", "collaborate", "collaborates", "collaboration", "co create", "co design", "ownership", "co owners"]);

        /// <summary>A working form in question 4 where partners meet each other: a group, a board, a workshop.</summary>
        public static readonly PitfallWords WorkingForm = new(
            nb: ["møtes", "arbeidsgruppe", "arbeidsgruppen", "arbeidsgrupper", "styringsgruppe", "styringsgruppen", "prosjektgruppe", "prosjektgruppen", "styre", "styret", "verksted", "verksteder", "workshop", "workshops", "nettverk", "nettverket"],
            da: ["mødes", "arbejdsgruppe", "arbejdsgruppen", "arbejdsgrupper", "styregruppe", "styregruppen", "projektgruppe", "projektgruppen", "bestyrelse", "bestyrelsen", "værksted", "værksteder", "workshop", "workshops", "netværk", "netværket"],
            en: ["working group", "steering group", "project group", "board", "workshop", "workshops", "network", "meet regularly", "meet each other"]);

        /// <summary>Partners left to manage on their own: resignation.</summary>
        public static readonly PitfallWords LeftAlone = new(
            nb: ["klare seg selv", "på egen hånd", "alene", "ordne det selv", "finne ut av det selv", "seg imellom"],
            da: ["klare sig selv", "på egen hånd", "alene", "ordne det selv", "finde ud af det selv", "selv finde ud af"],
            en: ["on their own", "by themselves", "alone", "manage themselves", "sort it out themselves"]);

        /// <summary>A say in decisions, which radical co-creation (variant 4) asks for.</summary>
        public static readonly PitfallWords Say = new(
            nb: ["bestemme", "bestemmer", "beslutte", "beslutter", "beslutning", "beslutninger", "medbestemmelse", "styre", "styret", "styreplass", "styreplasser", "styringsgruppe", "styringsgruppen", "stemme", "stemmerett", "vetorett", "innflytelse", "likeverdig", "likeverdige"],
            da: ["bestemme", "bestemmer", "beslutte", "beslutter", "beslutning", "beslutninger", "medbestemmelse", "bestyrelse", "bestyrelsen", "styregruppe", "styregruppen", "stemme", "stemmeret", "vetoret", "indflydelse", "ligeværdig", "ligeværdige"],
            en: ["decide", "decides", "decision", "decisions", "a say", "vote", "votes", "board", "steering group", "veto", "influence", "equal", "equals"]);

        /// <summary>Partners defining the goal or the problem with us, which SAM-initiering asks for.</summary>
        public static readonly PitfallWords GoalOpen = new(
            nb: ["mål", "målet", "målene", "målsetting", "formål", "formålet", "problem", "problemet", "problemer", "problemene", "behov", "behovet", "behovene", "utfordring", "utfordringen", "utfordringer", "definere", "definerer", "hva vi vil"],
            da: ["mål", "målet", "målene", "målsætning", "formål", "formålet", "problem", "problemet", "problemer", "problemerne", "behov", "behovet", "udfordring", "udfordringen", "udfordringer", "definere", "definerer", "hvad vi vil"],
            en: ["goal", "goals", "aim", "aims", "purpose", "problem", "problems", "need", "needs", "challenge", "challenges", "define", "defines", "what we want"]);
    }
}
