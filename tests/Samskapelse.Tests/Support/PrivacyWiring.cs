using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Samskapelse.Bot.Assistant;
using Samskapelse.Bot.Coaching;
using Samskapelse.Bot.Documents;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Privacy;
using Samskapelse.Bot.Storage;
using Samskapelse.Coaching;

namespace Samskapelse.Tests.Support;

/// <summary>The privacy desk and export as AddPrivacy wires them, over a store that can list its keys.</summary>
public sealed class PrivacyWiring
{
    public static readonly DocumentOptions LinkOptions = new() { SigningKey = "privacy-tests-signing-key-0123456789", LinkLifetime = TimeSpan.FromHours(1) };

    public PrivacyWiring(IStorage storage, PlanningStateAccessors state, PlanStore plans, TimeProvider time, Samskapelse.Bot.Resilience.PendingAnswers? pendingAnswers = null)
    {
        Backfill = new PersonIndexBackfill(storage, NullLogger<PersonIndexBackfill>.Instance);
        var finder = new PersonalDataFinder(storage, Backfill);
        Journeys = new CoachingStore(storage, NullLogger<CoachingStore>.Instance);
        People = new PeopleDirectory(storage, Options.Create(new CoachingOptions()), NullLogger<PeopleDirectory>.Instance);
        Signer = new DocumentLinkSigner(new DocumentSigningKey(Encoding.UTF8.GetBytes(LinkOptions.SigningKey!)), time);
        Export = new PersonalDataExport(finder, new AssistantStore(storage), Journeys, People, time, NullLogger<PersonalDataExport>.Instance);
        var eraser = new PersonalDataEraser(storage, finder, plans, Journeys, time, NullLogger<PersonalDataEraser>.Instance, pendingAnswers);
        var links = new PersonalDataLinks(Signer, Options.Create(LinkOptions), Options.Create(new BotUrlOptions { PublicBaseUrl = "https://bot.example.test" }), time);
        Desk = new PrivacyDesk(eraser, links, state, TestBots.SharedCards(storage, state, plans, time), time);
    }

    public PrivacyDesk Desk { get; }

    public PersonIndexBackfill Backfill { get; }

    public PersonalDataExport Export { get; }

    public DocumentLinkSigner Signer { get; }

    public ICoachingStore Journeys { get; }

    public PeopleDirectory People { get; }
}
