using System.Collections.Immutable;
using Samskapelse.Assistant;
using Samskapelse.Localization;
using Samskapelse.Planning;

namespace Samskapelse.Tests.Planning;

/// <summary>
/// The pitfall check, rule by rule and language by language: for each rule at least three plans that must
/// trigger it and three near misses that must not. The false positives of the old stem-based check are
/// named regression tests below the table.
/// </summary>
public sealed class PitfallRuleTableTests
{
    private const PartnerKind Citizens = PartnerKind.Citizens;
    private const PartnerKind Association = PartnerKind.Association;
    private const PartnerKind Business = PartnerKind.Business;
    private const PartnerKind Public = PartnerKind.OtherPublicBody;

    // (rule, language, case name, triggers?, plan)
    private static readonly (Pitfall Rule, string Language, string Name, bool Triggers, Plan Plan)[] Table =
    [
        // Outsourcing: outside partners asked to carry out the task, nobody at home engaged.
        (Pitfall.LooksLikeOutsourcing, "nb", "drifte kafeen", true, P(q4: null, home: null, (Association, "De skal drifte kafeen"))),
        (Pitfall.LooksLikeOutsourcing, "nb", "leverer maten", true, P(q4: null, home: null, (Business, "Bedriften leverer maten til arrangementene"))),
        (Pitfall.LooksLikeOutsourcing, "nb", "stå for vaktene", true, P(q4: null, home: null, (Citizens, "Innbyggerne skal stå for vaktene"))),
        (Pitfall.LooksLikeOutsourcing, "nb", "lever (lives)", false, P(q4: null, home: null, (Citizens, "Mange av dem lever et aktivt liv i laget"))),
        (Pitfall.LooksLikeOutsourcing, "nb", "overtale (persuade)", false, P(q4: null, home: null, (Association, "Vi må overtale laget til å bli med"))),
        (Pitfall.LooksLikeOutsourcing, "nb", "leverer, men noen hjemme er med", false, P(q4: null, home: "Kjøkkenet lager menyen med dem", (Business, "Bedriften leverer maten"))),
        (Pitfall.LooksLikeOutsourcing, "da", "udføre besøgene", true, P(q4: null, home: null, (Association, "Foreningen skal udføre besøgene"))),
        (Pitfall.LooksLikeOutsourcing, "da", "leverer materialerne", true, P(q4: null, home: null, (Business, "Virksomheden leverer materialerne"))),
        (Pitfall.LooksLikeOutsourcing, "da", "overtage driften", true, P(q4: null, home: null, (Citizens, "Borgerne skal overtage driften af haven"))),
        (Pitfall.LooksLikeOutsourcing, "da", "lever (lives)", false, P(q4: null, home: null, (Citizens, "De ældre lever et aktivt liv i foreningen"))),
        (Pitfall.LooksLikeOutsourcing, "da", "overtale (persuade)", false, P(q4: null, home: null, (Association, "Vi skal overtale dem til at være med"))),
        (Pitfall.LooksLikeOutsourcing, "da", "driver sammen med os", false, P(q4: null, home: null, (Association, "Foreningen driver caféen sammen med os"))),
        (Pitfall.LooksLikeOutsourcing, "en", "deliver the evenings", true, P(q4: null, home: null, (Association, "They deliver the evening activities"))),
        (Pitfall.LooksLikeOutsourcing, "en", "carry out the repairs", true, P(q4: null, home: null, (Business, "The firm will carry out the repairs"))),
        (Pitfall.LooksLikeOutsourcing, "en", "take over the garden", true, P(q4: null, home: null, (Citizens, "Residents take over the garden"))),
        (Pitfall.LooksLikeOutsourcing, "en", "run workshops together", false, P(q4: null, home: null, (Association, "Invite them to run workshops together with us"))),
        (Pitfall.LooksLikeOutsourcing, "en", "delivers, but someone at home takes part", false, P(q4: null, home: "Our kitchen staff plan the menu with them", (Business, "They deliver the meals"))),
        (Pitfall.LooksLikeOutsourcing, "en", "runner (not run the)", false, P(q4: null, home: null, (Citizens, "Ask a runner from the club what would make it worth their time"))),

        // Consultation: questions 3 or 4 only ask for views.
        (Pitfall.LooksLikeConsultation, "nb", "høring i spørsmål 3", true, P(q4: null, home: "Workshop", (Citizens, "Vi sender planen på høring"))),
        (Pitfall.LooksLikeConsultation, "nb", "borgermøte i spørsmål 4", true, P(q4: "Vi holder et borgermøte i mars", home: "Workshop", (Citizens, "Invitere dem"))),
        (Pitfall.LooksLikeConsultation, "nb", "spørreundersøkelse", true, P(q4: "Vi sender ut en rapport", home: null, (Association, "Spørreundersøkelse om deres synspunkter"))),
        (Pitfall.LooksLikeConsultation, "nb", "tilhører", false, P(q4: null, home: null, (Citizens, "Alle som tilhører nærmiljøet får en rolle i parken"))),
        (Pitfall.LooksLikeConsultation, "nb", "meningsfull", false, P(q4: null, home: null, (Citizens, "Gi ungdommene en meningsfull rolle i parken"))),
        (Pitfall.LooksLikeConsultation, "nb", "borgermøte, så arbeidsgruppe", false, P(q4: "Etter borgermøtet møtes en arbeidsgruppe med innbyggerne hver måned", home: null, (Citizens, "Invitere dem"))),
        (Pitfall.LooksLikeConsultation, "da", "høring i spørgsmål 3", true, P(q4: null, home: null, (Citizens, "Vi sender planen i høring"))),
        (Pitfall.LooksLikeConsultation, "da", "borgermøde i spørgsmål 4", true, P(q4: "Vi holder et borgermøde i marts", home: null, (Citizens, "Invitere dem"))),
        (Pitfall.LooksLikeConsultation, "da", "spørgeskema", true, P(q4: null, home: null, (Association, "Spørgeskema om deres synspunkter"))),
        (Pitfall.LooksLikeConsultation, "da", "tilhører", false, P(q4: null, home: null, (Citizens, "Alle der tilhører lokalområdet får en rolle i haven"))),
        (Pitfall.LooksLikeConsultation, "da", "meningsfuld", false, P(q4: null, home: null, (Citizens, "Vi giver de unge en meningsfuld rolle i haven"))),
        (Pitfall.LooksLikeConsultation, "da", "borgermøde, så arbejdsgruppe", false, P(q4: "Efter borgermødet mødes en arbejdsgruppe hver måned", home: null, (Citizens, "Invitere dem"))),
        (Pitfall.LooksLikeConsultation, "en", "consultation in question 3", true, P(q4: null, home: null, (Citizens, "Send them the plan for consultation"))),
        (Pitfall.LooksLikeConsultation, "en", "public meeting in question 4", true, P(q4: "A public meeting in March", home: null, (Citizens, "Invite them"))),
        (Pitfall.LooksLikeConsultation, "en", "survey of views", true, P(q4: null, home: null, (Association, "A survey of their views"))),
        (Pitfall.LooksLikeConsultation, "en", "interviews", false, P(q4: null, home: null, (Citizens, "Young people hold interviews with their neighbours"))),
        (Pitfall.LooksLikeConsultation, "en", "reviews", false, P(q4: null, home: null, (Business, "The shop reviews its opening hours with the youth club"))),
        (Pitfall.LooksLikeConsultation, "en", "survey, then a working group", false, P(q4: "After the survey a working group meets every month", home: null, (Citizens, "Invite them"))),

        // Resignation: outside partners left alone with the task, no one at home, no shared way of working.
        (Pitfall.LooksLikeResignation, "nb", "klare seg selv", true, P(q4: null, home: null, (Association, "Laget får låne hallen og kan klare seg selv"))),
        (Pitfall.LooksLikeResignation, "nb", "spørsmål 4 uten arbeidsform", true, P(q4: "De ordner resten", home: null, (Citizens, "Vi gir dem nøkkelen"))),
        (Pitfall.LooksLikeResignation, "nb", "spørsmål 4 hoppet over", true, P(q4: null, home: null, skip4: true, (Association, "Vi gir dem et lite tilskudd"))),
        (Pitfall.LooksLikeResignation, "nb", "en kollega er med", false, P(q4: "De ordner resten", home: "Fritidsklubben er med hver fredag", (Citizens, "Vi gir dem nøkkelen"))),
        (Pitfall.LooksLikeResignation, "nb", "arbeidsgruppe i spørsmål 4", false, P(q4: "Vi møtes i en arbeidsgruppe hver måned", home: null, (Citizens, "Vi gir dem nøkkelen"))),
        (Pitfall.LooksLikeResignation, "nb", "spørsmål 4 ikke besvart ennå", false, P(q4: null, home: null, (Citizens, "Vi gir dem nøkkelen"))),
        (Pitfall.LooksLikeResignation, "da", "klare sig selv", true, P(q4: null, home: null, (Association, "Foreningen låner hallen og kan klare sig selv"))),
        (Pitfall.LooksLikeResignation, "da", "spørgsmål 4 uden arbejdsform", true, P(q4: "De ordner resten", home: null, (Citizens, "Vi giver dem nøglen"))),
        (Pitfall.LooksLikeResignation, "da", "spørgsmål 4 sprunget over", true, P(q4: null, home: null, skip4: true, (Association, "Vi giver dem et lille tilskud"))),
        (Pitfall.LooksLikeResignation, "da", "en kollega er med", false, P(q4: "De ordner resten", home: "Klubben er med hver fredag", (Citizens, "Vi giver dem nøglen"))),
        (Pitfall.LooksLikeResignation, "da", "arbejdsgruppe i spørgsmål 4", false, P(q4: "Vi mødes i en arbejdsgruppe hver måned", home: null, (Citizens, "Vi giver dem nøglen"))),
        (Pitfall.LooksLikeResignation, "da", "spørgsmål 4 ikke besvaret endnu", false, P(q4: null, home: null, (Citizens, "Vi giver dem nøglen"))),
        (Pitfall.LooksLikeResignation, "en", "on their own", true, P(q4: null, home: null, (Association, "They borrow the hall and manage on their own"))),
        (Pitfall.LooksLikeResignation, "en", "question 4 without a working form", true, P(q4: "They sort out the rest", home: null, (Citizens, "We give them the key"))),
        (Pitfall.LooksLikeResignation, "en", "question 4 skipped", true, P(q4: null, home: null, skip4: true, (Association, "A small grant"))),
        (Pitfall.LooksLikeResignation, "en", "a colleague takes part", false, P(q4: "They sort out the rest", home: "The youth club is there every Friday", (Citizens, "We give them the key"))),
        (Pitfall.LooksLikeResignation, "en", "working group in question 4", false, P(q4: "A working group meets every month", home: null, (Citizens, "We give them the key"))),
        (Pitfall.LooksLikeResignation, "en", "question 4 not answered yet", false, P(q4: null, home: null, (Citizens, "We give them the key"))),

        // Only other public bodies outside.
        (Pitfall.OnlyPublicBodiesOutside, "nb", "NAV", true, P(q4: "Vi møtes hver måned", home: "Med", (Public, "Felles kontordag"))),
        (Pitfall.OnlyPublicBodiesOutside, "nb", "fylkeskommunen og politiet", true, P(q4: "Felles styringsgruppe", home: "Med", (Public, "Felles mål"), (Public, "Felles mål"))),
        (Pitfall.OnlyPublicBodiesOutside, "nb", "nabokommunen, ingen hjemme", true, P(q4: null, home: null, (Public, "Invitere dem"))),
        (Pitfall.OnlyPublicBodiesOutside, "nb", "NAV og en forening", false, P(q4: "Vi møtes", home: null, (Public, "Invitere dem"), (Association, "Invitere dem"))),
        (Pitfall.OnlyPublicBodiesOutside, "nb", "innbyggere", false, P(q4: null, home: null, (Citizens, "Invitere dem"))),
        (Pitfall.OnlyPublicBodiesOutside, "nb", "bedrift og fylket", false, P(q4: null, home: null, (Business, "Invitere dem"), (Public, "Invitere dem"))),
        (Pitfall.OnlyPublicBodiesOutside, "da", "jobcentret", true, P(q4: "Vi mødes hver måned", home: "Med", (Public, "Fælles kontordag"))),
        (Pitfall.OnlyPublicBodiesOutside, "da", "regionen og politiet", true, P(q4: "Fælles styregruppe", home: "Med", (Public, "Fælles mål"), (Public, "Fælles mål"))),
        (Pitfall.OnlyPublicBodiesOutside, "da", "nabokommunen, ingen hjemme", true, P(q4: null, home: null, (Public, "Invitere dem"))),
        (Pitfall.OnlyPublicBodiesOutside, "da", "jobcentret og en forening", false, P(q4: "Vi mødes", home: null, (Public, "Invitere dem"), (Association, "Invitere dem"))),
        (Pitfall.OnlyPublicBodiesOutside, "da", "borgere", false, P(q4: null, home: null, (Citizens, "Invitere dem"))),
        (Pitfall.OnlyPublicBodiesOutside, "da", "virksomhed og regionen", false, P(q4: null, home: null, (Business, "Invitere dem"), (Public, "Invitere dem"))),
        (Pitfall.OnlyPublicBodiesOutside, "en", "the job centre", true, P(q4: "We meet every month", home: "In", (Public, "A shared office day"))),
        (Pitfall.OnlyPublicBodiesOutside, "en", "the county and the police", true, P(q4: "A joint steering group", home: "In", (Public, "Shared goal"), (Public, "Shared goal"))),
        (Pitfall.OnlyPublicBodiesOutside, "en", "the neighbouring municipality, nobody at home", true, P(q4: null, home: null, (Public, "Invite them"))),
        (Pitfall.OnlyPublicBodiesOutside, "en", "job centre and an association", false, P(q4: "We meet", home: null, (Public, "Invite them"), (Association, "Invite them"))),
        (Pitfall.OnlyPublicBodiesOutside, "en", "citizens", false, P(q4: null, home: null, (Citizens, "Invite them"))),
        (Pitfall.OnlyPublicBodiesOutside, "en", "a business and the county", false, P(q4: null, home: null, (Business, "Invite them"), (Public, "Invite them"))),

        // Harnessed to the public wagon: civil partners asked to deliver, and question 4 has no shared way of working.
        (Pitfall.PartnersMayFeelHarnessed, "nb", "spørsmål 4 tomt", true, P(q4: null, home: "Med", (Association, "De skal drifte kafeen"))),
        (Pitfall.PartnersMayFeelHarnessed, "nb", "spørsmål 4 er bare en e-post", true, P(q4: "Vi sender dem en e-post med tidene", home: "Med", (Business, "Bedriften leverer maten"))),
        (Pitfall.PartnersMayFeelHarnessed, "nb", "spørsmål 4 er en telefon", true, P(q4: "Vi ringer dem når vi trenger dem", home: null, (Citizens, "Innbyggerne skal stå for vaktene"))),
        (Pitfall.PartnersMayFeelHarnessed, "nb", "arbeidsgruppe i spørsmål 4", false, P(q4: "Vi møtes i en arbeidsgruppe hver måned", home: null, (Association, "De skal drifte kafeen"))),
        (Pitfall.PartnersMayFeelHarnessed, "nb", "offentlig aktør leverer", false, P(q4: null, home: null, (Public, "NAV leverer kurset"))),
        (Pitfall.PartnersMayFeelHarnessed, "nb", "drifter sammen med oss", false, P(q4: null, home: null, (Association, "De drifter kafeen sammen med oss"))),
        (Pitfall.PartnersMayFeelHarnessed, "da", "spørgsmål 4 tomt", true, P(q4: null, home: "Med", (Association, "Foreningen skal udføre besøgene"))),
        (Pitfall.PartnersMayFeelHarnessed, "da", "spørgsmål 4 er bare en mail", true, P(q4: "Vi sender dem en mail med tiderne", home: "Med", (Business, "Virksomheden leverer maden"))),
        (Pitfall.PartnersMayFeelHarnessed, "da", "spørgsmål 4 er et opkald", true, P(q4: "Vi ringer, når vi har brug for dem", home: null, (Citizens, "Borgerne skal stå for vagterne"))),
        (Pitfall.PartnersMayFeelHarnessed, "da", "arbejdsgruppe i spørgsmål 4", false, P(q4: "Vi mødes i en arbejdsgruppe hver måned", home: null, (Association, "Foreningen skal udføre besøgene"))),
        (Pitfall.PartnersMayFeelHarnessed, "da", "offentlig aktør leverer", false, P(q4: null, home: null, (Public, "Jobcentret leverer kurset"))),
        (Pitfall.PartnersMayFeelHarnessed, "da", "driver sammen med os", false, P(q4: null, home: null, (Association, "Foreningen driver caféen sammen med os"))),
        (Pitfall.PartnersMayFeelHarnessed, "en", "question 4 empty", true, P(q4: null, home: "In", (Association, "They deliver the evening activities"))),
        (Pitfall.PartnersMayFeelHarnessed, "en", "question 4 is only an email", true, P(q4: "We email them the times", home: "In", (Business, "The firm delivers the food"))),
        (Pitfall.PartnersMayFeelHarnessed, "en", "question 4 is a phone call", true, P(q4: "We call them when we need them", home: null, (Citizens, "Residents take over the night shifts"))),
        (Pitfall.PartnersMayFeelHarnessed, "en", "working group in question 4", false, P(q4: "A working group meets every month", home: null, (Association, "They deliver the evening activities"))),
        (Pitfall.PartnersMayFeelHarnessed, "en", "a public body delivers", false, P(q4: null, home: null, (Public, "The job centre delivers the course"))),
        (Pitfall.PartnersMayFeelHarnessed, "en", "run it together", false, P(q4: null, home: null, (Association, "They run the café together with us"))),

        // Variant 4 (equal collaboration): citizens or associations with a say.
        (Pitfall.CitizensHaveNoSay, "nb", "bare næringsliv", true, P(q4: "Vi bestemmer sammen", home: null, variant: CoCreationVariant.EqualCollaboration, (Business, "Bedriften sponser"))),
        (Pitfall.CitizensHaveNoSay, "nb", "innbyggere uten å bestemme", true, P(q4: "Vi sender nyhetsbrev", home: null, variant: CoCreationVariant.EqualCollaboration, (Citizens, "Invitere dem"))),
        (Pitfall.CitizensHaveNoSay, "nb", "forening, spørsmål 4 tomt", true, P(q4: null, home: null, variant: CoCreationVariant.EqualCollaboration, (Association, "Invitere laget"))),
        (Pitfall.CitizensHaveNoSay, "nb", "plasser i styringsgruppen", false, P(q4: "Innbyggerne har tre plasser i styringsgruppen", home: null, variant: CoCreationVariant.EqualCollaboration, (Citizens, "Invitere dem"))),
        (Pitfall.CitizensHaveNoSay, "nb", "variant 3", false, P(q4: "Vi sender nyhetsbrev", home: null, variant: CoCreationVariant.CoCreatedProblemSolving, (Citizens, "Invitere dem"))),
        (Pitfall.CitizensHaveNoSay, "nb", "laget bestemmer", false, P(q4: null, home: null, variant: CoCreationVariant.EqualCollaboration, (Association, "Laget er med og bestemmer åpningstidene"))),
        (Pitfall.CitizensHaveNoSay, "da", "kun virksomheder", true, P(q4: "Vi beslutter sammen", home: null, variant: CoCreationVariant.EqualCollaboration, (Business, "Virksomheden sponserer"))),
        (Pitfall.CitizensHaveNoSay, "da", "borgere uden at bestemme", true, P(q4: "Vi sender nyhedsbrev", home: null, variant: CoCreationVariant.EqualCollaboration, (Citizens, "Invitere dem"))),
        (Pitfall.CitizensHaveNoSay, "da", "forening, spørgsmål 4 tomt", true, P(q4: null, home: null, variant: CoCreationVariant.EqualCollaboration, (Association, "Invitere foreningen"))),
        (Pitfall.CitizensHaveNoSay, "da", "pladser i styregruppen", false, P(q4: "Borgerne har tre pladser i styregruppen", home: null, variant: CoCreationVariant.EqualCollaboration, (Citizens, "Invitere dem"))),
        (Pitfall.CitizensHaveNoSay, "da", "variant 3", false, P(q4: "Vi sender nyhedsbrev", home: null, variant: CoCreationVariant.CoCreatedProblemSolving, (Citizens, "Invitere dem"))),
        (Pitfall.CitizensHaveNoSay, "da", "foreningen bestemmer", false, P(q4: null, home: null, variant: CoCreationVariant.EqualCollaboration, (Association, "Foreningen er med til at bestemme åbningstiderne"))),
        (Pitfall.CitizensHaveNoSay, "en", "only businesses", true, P(q4: "We decide together", home: null, variant: CoCreationVariant.EqualCollaboration, (Business, "The firm sponsors it"))),
        (Pitfall.CitizensHaveNoSay, "en", "citizens without a say", true, P(q4: "We send a newsletter", home: null, variant: CoCreationVariant.EqualCollaboration, (Citizens, "Invite them"))),
        (Pitfall.CitizensHaveNoSay, "en", "association, question 4 empty", true, P(q4: null, home: null, variant: CoCreationVariant.EqualCollaboration, (Association, "Invite the club"))),
        (Pitfall.CitizensHaveNoSay, "en", "seats on the steering group", false, P(q4: "Residents hold three seats on the steering group", home: null, variant: CoCreationVariant.EqualCollaboration, (Citizens, "Invite them"))),
        (Pitfall.CitizensHaveNoSay, "en", "variant 3", false, P(q4: "We send a newsletter", home: null, variant: CoCreationVariant.CoCreatedProblemSolving, (Citizens, "Invite them"))),
        (Pitfall.CitizensHaveNoSay, "en", "the club decides", false, P(q4: null, home: null, variant: CoCreationVariant.EqualCollaboration, (Association, "The club decides the opening hours with us"))),

        // SAM-initiering: partners invited to define the goal.
        (Pitfall.GoalNotOpenToPartners, "nb", "møte uten mål", true, P(q4: "Vi møtes hver måned", home: null, phase: Phase.Initiation, (Citizens, "Invitere dem til et møte"))),
        (Pitfall.GoalNotOpenToPartners, "nb", "be om bidrag", true, P(q4: null, home: null, phase: Phase.Initiation, (Association, "Be dem om å bidra"))),
        (Pitfall.GoalNotOpenToPartners, "nb", "sponsing", true, P(q4: null, home: null, phase: Phase.Initiation, (Business, "Spørre om sponsing"))),
        (Pitfall.GoalNotOpenToPartners, "nb", "fase design", false, P(q4: "Vi møtes hver måned", home: null, phase: Phase.Design, (Citizens, "Invitere dem til et møte"))),
        (Pitfall.GoalNotOpenToPartners, "nb", "definere målet", false, P(q4: null, home: null, phase: Phase.Initiation, (Citizens, "Invitere dem til å definere målet sammen med oss"))),
        (Pitfall.GoalNotOpenToPartners, "nb", "problemet i spørsmål 4", false, P(q4: "Vi finner ut sammen hvilket problem vi skal løse", home: null, phase: Phase.Initiation, (Citizens, "Invitere dem"))),
        (Pitfall.GoalNotOpenToPartners, "da", "møde uden mål", true, P(q4: "Vi mødes hver måned", home: null, phase: Phase.Initiation, (Citizens, "Invitere dem til et møde"))),
        (Pitfall.GoalNotOpenToPartners, "da", "bede om bidrag", true, P(q4: null, home: null, phase: Phase.Initiation, (Association, "Bede dem om at bidrage"))),
        (Pitfall.GoalNotOpenToPartners, "da", "sponsorat", true, P(q4: null, home: null, phase: Phase.Initiation, (Business, "Spørge om sponsorat"))),
        (Pitfall.GoalNotOpenToPartners, "da", "fase design", false, P(q4: "Vi mødes hver måned", home: null, phase: Phase.Design, (Citizens, "Invitere dem til et møde"))),
        (Pitfall.GoalNotOpenToPartners, "da", "definere målet", false, P(q4: null, home: null, phase: Phase.Initiation, (Citizens, "Invitere dem til at definere målet sammen med os"))),
        (Pitfall.GoalNotOpenToPartners, "da", "problemet i spørgsmål 4", false, P(q4: "Vi finder sammen ud af, hvilket problem vi skal løse", home: null, phase: Phase.Initiation, (Citizens, "Invitere dem"))),
        (Pitfall.GoalNotOpenToPartners, "en", "a meeting without a goal", true, P(q4: "We meet every month", home: null, phase: Phase.Initiation, (Citizens, "Invite them to a meeting"))),
        (Pitfall.GoalNotOpenToPartners, "en", "ask them to contribute", true, P(q4: null, home: null, phase: Phase.Initiation, (Association, "Ask them to contribute"))),
        (Pitfall.GoalNotOpenToPartners, "en", "sponsorship", true, P(q4: null, home: null, phase: Phase.Initiation, (Business, "Ask for sponsorship"))),
        (Pitfall.GoalNotOpenToPartners, "en", "phase design", false, P(q4: "We meet every month", home: null, phase: Phase.Design, (Citizens, "Invite them to a meeting"))),
        (Pitfall.GoalNotOpenToPartners, "en", "define the goal", false, P(q4: null, home: null, phase: Phase.Initiation, (Citizens, "Invite them to define the goal with us"))),
        (Pitfall.GoalNotOpenToPartners, "en", "the problem in question 4", false, P(q4: "Together we work out which problem to solve", home: null, phase: Phase.Initiation, (Citizens, "Invite them"))),
    ];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in Table)
        {
            data.Add(row.Rule.ToString(), row.Language, row.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_TriggersOnItsPlans_AndNotOnNearMisses(string rule, string language, string name)
    {
        var row = Table.Single(r => r.Rule.ToString() == rule && r.Language == language && r.Name == name);

        var found = PitfallCheck.Run(row.Plan);

        Assert.True(row.Triggers == found.Contains(row.Rule), $"{rule} / {language} / {name}: expected {(row.Triggers ? "a finding" : "none")}, found [{string.Join(", ", found)}]");
    }

    [Fact]
    public void Table_HasThreeTriggersAndThreeNearMisses_PerRuleAndLanguage()
    {
        var rules = new[]
        {
            Pitfall.LooksLikeOutsourcing, Pitfall.LooksLikeConsultation, Pitfall.LooksLikeResignation, Pitfall.OnlyPublicBodiesOutside,
            Pitfall.PartnersMayFeelHarnessed, Pitfall.CitizensHaveNoSay, Pitfall.GoalNotOpenToPartners,
        };
        foreach (var rule in rules)
        {
            foreach (var language in new[] { "nb", "da", "en" })
            {
                var rows = Table.Where(r => r.Rule == rule && r.Language == language).ToList();
                Assert.True(rows.Count(r => r.Triggers) >= 3, $"{rule}/{language}: fewer than three triggers");
                Assert.True(rows.Count(r => !r.Triggers) >= 3, $"{rule}/{language}: fewer than three near misses");
            }
        }

        Assert.Equal(Table.Length, Table.Select(r => (r.Rule, r.Language, r.Name)).Distinct().Count());
    }

    // The false positives of the old stem-based check, by name.
    [Theory]
    [InlineData("Mange av dem lever alene og vil gjerne ha noe å gå til")]
    [InlineData("De ældre lever et aktivt liv i foreningen")]
    public void Regression_Lever_Lives_IsNotOutsourcing(string ask) =>
        Assert.DoesNotContain(Pitfall.LooksLikeOutsourcing, PitfallCheck.Run(P(q4: null, home: null, (Citizens, ask))));

    [Theory]
    [InlineData("Vi må overtale laget til å bli med")]
    [InlineData("Vi skal overtale foreningen til at være med")]
    public void Regression_Overtale_Persuade_IsNotOutsourcing(string ask) =>
        Assert.DoesNotContain(Pitfall.LooksLikeOutsourcing, PitfallCheck.Run(P(q4: null, home: null, (Association, ask))));

    [Theory]
    [InlineData("Alle som tilhører nærmiljøet får en rolle i parken")]
    [InlineData("Gi ungdommene en meningsfull rolle i parken")]
    [InlineData("Young people hold interviews with their neighbours")]
    public void Regression_Tilhorer_Meningsfull_Interviews_AreNotConsultation(string ask) =>
        Assert.DoesNotContain(Pitfall.LooksLikeConsultation, PitfallCheck.Run(P(q4: null, home: null, (Citizens, ask))));

    [Theory]
    [InlineData("Vi holder borgermøte og sender planen på høring")]
    [InlineData("Vi holder et borgermøde")]
    [InlineData("A public meeting, then a consultation")]
    public void Regression_ConsultationWrittenInQuestion4_IsFound(string q4) =>
        Assert.Contains(Pitfall.LooksLikeConsultation, PitfallCheck.Run(P(q4: q4, home: "Med", (Citizens, "Invitere dem"))));

    [Fact]
    public void Regression_PublicBodiesOnly_DoesNotPassAsCoCreation()
    {
        var found = PitfallCheck.Run(P(q4: "Felles styringsgruppe som møtes hver måned", home: "Med i styringsgruppen", (Public, "Felles mål"), (Public, "Felles mål")) with { Goal = "Mål", Alliances = [new Alliance("l1", "A", ["p1"], null)] });

        Assert.Equal([Pitfall.OnlyPublicBodiesOutside], found);
    }

    [Theory]
    [InlineData("Vi sender dem en e-post med tidene")]
    [InlineData("Vi ringer, når vi har brug for dem")]
    [InlineData("We email them the times")]
    public void Regression_HarnessedWarning_StaysWhenQuestion4HasTextWithoutASharedWorkingForm(string q4) =>
        Assert.Contains(Pitfall.PartnersMayFeelHarnessed, PitfallCheck.Run(P(q4: q4, home: "Med", (Association, "De skal drifte kafeen"))));

    [Fact]
    public void StricterFor_NamesTheRulesTheVariantAndPhaseAdd()
    {
        Assert.Equal([Pitfall.CitizensHaveNoSay, Pitfall.GoalNotOpenToPartners], PitfallCheck.StricterFor(CoCreationVariant.EqualCollaboration, Phase.Initiation));
        Assert.Empty(PitfallCheck.StricterFor(CoCreationVariant.CoProduction, Phase.Design));
    }

    [Theory]
    [InlineData(Language.Nb)]
    [InlineData(Language.Da)]
    [InlineData(Language.En)]
    public void AssistOffline_Explain_FollowsTheRules_NamingWhomEachFindingConcerns(Language language)
    {
        var plan = P(q4: "De ordner resten", home: null, variant: CoCreationVariant.EqualCollaboration, (Business, "Vi gir dem nøkkelen"), (Public, "Vi gir dem nøkkelen")) with { Phase = Phase.Initiation };
        var found = PitfallCheck.Run(plan);
        Assert.Contains(Pitfall.LooksLikeResignation, found);
        Assert.Contains(Pitfall.CitizensHaveNoSay, found);
        Assert.Contains(Pitfall.GoalNotOpenToPartners, found);

        var explained = OfflineAssistant.Suggest(new AssistantInput(SuggestionKind.Pitfalls, language, PlanFacts.From(plan, language)));

        // One explanation per finding, in the order found, each the rule's own text.
        Assert.Equal(found.Take(OfflineAssistant.MaxSuggestions).Select(p => p.ToString()), explained.Select(s => s.TargetId));
        var whomEveryoneOutside = Texts.Format(language, "AssistOffline_Explain_Whom", "Partner 1, Partner 2");
        Assert.Equal(Texts.Get(language, "AssistOffline_Explain_LooksLikeResignation") + " " + whomEveryoneOutside, explained.Single(s => s.TargetId == nameof(Pitfall.LooksLikeResignation)).Text);

        // Variant 4 with no citizens or associations: nobody to name, the text alone.
        Assert.Equal(Texts.Get(language, "AssistOffline_Explain_CitizensHaveNoSay"), explained.Single(s => s.TargetId == nameof(Pitfall.CitizensHaveNoSay)).Text);
    }

    [Fact]
    public void EveryPitfall_HasAnOfflineExplanation_InEveryLanguage()
    {
        foreach (var language in Languages.All)
        {
            foreach (var pitfall in Enum.GetValues<Pitfall>())
            {
                Assert.False(string.IsNullOrWhiteSpace(Texts.Get(language, "AssistOffline_Explain_" + pitfall)), $"{language} {pitfall}");
            }
        }
    }

    [Theory]
    [InlineData("De lever. Vi leverer!", "de,lever,vi,leverer")]
    [InlineData("SAM-initiering: Ærlig, øvrig og å", "sam,initiering,ærlig,øvrig,og,å")]
    public void Tokens_AreRunsOfUnicodeLetters_InLowerCase(string text, string expected) =>
        Assert.Equal(expected.Split(','), PitfallWords.Tokens(text));

    private static Plan P(string? q4, string? home, params (PartnerKind Kind, string Ask)[] outside) => P(q4, home, null, null, false, outside);

    private static Plan P(string? q4, string? home, bool skip4, params (PartnerKind Kind, string Ask)[] outside) => P(q4, home, null, null, skip4, outside);

    private static Plan P(string? q4, string? home, CoCreationVariant variant, params (PartnerKind Kind, string Ask)[] outside) => P(q4, home, variant, null, false, outside);

    private static Plan P(string? q4, string? home, Phase phase, params (PartnerKind Kind, string Ask)[] outside) => P(q4, home, null, phase, false, outside);

    private static Plan P(string? q4, string? home, CoCreationVariant? variant, Phase? phase, bool skip4, (PartnerKind Kind, string Ask)[] outside)
    {
        var partners = outside.Select((o, i) => new Partner("p" + (i + 1), "Partner " + (i + 1), PartnerSide.Outside, o.Kind, o.Ask)).ToList();
        partners.Add(new Partner("h1", "Kolleger", PartnerSide.AtHome, PartnerKind.OwnUnit, home));
        return new Plan
        {
            Id = "plan-pitfall",
            OwnerId = "user-1",
            Title = "Tiltak",
            Goal = "Mål",
            Variant = variant,
            Phase = phase,
            Partners = [.. partners],
            Collaboration = q4,
            SkippedQuestions = skip4 ? ImmutableHashSet.Create(4) : [],
        };
    }
}
