using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Samskapelse.Bot.Planning;
using Samskapelse.Bot.Storage;
using Samskapelse.Bot.Teams;
using Samskapelse.Localization;
using Samskapelse.Planning.Conversation;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Planning;

/// <summary>Short conversations written as Bot Builder TestFlow scripts, one row per language.</summary>
public sealed class ConversationScriptTests
{
    private static TestFlow Flow(string locale, string name)
    {
        var bot = TestBots.Create(new MemoryStorage(), new FakeTimeProvider());
        var adapter = new TestAdapter(TestAdapter.CreateConversation(name)) { Locale = locale };
        return new TestFlow(adapter, bot.OnTurnAsync);
    }

    private static Action<IActivity> CardWith(string text) => activity =>
        Assert.Contains(text, CardReader.AllText(CardReader.Card(((IMessageActivity)activity).Attachments[0].Content)));

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public Task StartAnswerPauseContinue_InEachLanguage(string locale, Language language) =>
        Flow(locale, nameof(StartAnswerPauseContinue_InEachLanguage) + locale)
            .Send(Cmd(language, "Cmd_Start") + " Nabolagsdugnad")
            .AssertReply(CardWith(T(language, "Question_1_Text")))
            .Send("Et levende nabolag der naboene hjelper hverandre")
            .AssertReply(CardWith(T(language, "Question_2_Text")))
            .Send(Cmd(language, "Cmd_Pause"))
            .AssertReply(T(language, "Paused", "Nabolagsdugnad", Cmd(language, "Cmd_Continue")))
            .Send(Cmd(language, "Cmd_Continue"))
            .AssertReply(CardWith(T(language, "Plan_Resumed", "Nabolagsdugnad")))
            .StartTestAsync();

    [Theory]
    [MemberData(nameof(TestLocales.All), MemberType = typeof(TestLocales))]
    public Task HelpWithNoPlan_ThenAMistypedCommand_InEachLanguage(string locale, Language language) =>
        Flow(locale, nameof(HelpWithNoPlan_ThenAMistypedCommand_InEachLanguage) + locale)
            .Send(Cmd(language, "Cmd_Help"))
            .AssertReply(CardWith(T(language, "Help_Heading")))
            .Send(Cmd(language, "Cmd_Plans") + "x")
            .AssertReply(CardWith(T(language, "Unknown_DidYouMean", Cmd(language, "Cmd_Plans") + "x", Cmd(language, "Cmd_Plans"))))
            .Send(Cmd(language, "Cmd_Plans"))
            .AssertReply(T(language, "Plans_None", Cmd(language, "Cmd_Start")))
            .StartTestAsync();
}
