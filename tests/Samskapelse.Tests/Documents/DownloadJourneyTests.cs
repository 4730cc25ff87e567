using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Newtonsoft.Json.Linq;
using Samskapelse.Localization;
using Samskapelse.Tests.Support;
using static Samskapelse.Tests.Support.TestLocales;

namespace Samskapelse.Tests.Documents;

/// <summary>
/// The whole way through the real host: Teams posts messages (expectReplies, so the replies come back in
/// the HTTP response), the summary card carries the download button, and the link it opens serves the plan.
/// </summary>
public sealed class DownloadJourneyTests(DocumentHostFactory factory) : IClassFixture<DocumentHostFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task SummaryCard_DownloadAsWord_OpensTheOwnersPlanInWord()
    {
        var conversation = "a:" + nameof(SummaryCard_DownloadAsWord_OpensTheOwnersPlanInWord);
        await SayAsync(conversation, Cmd(Language.Da, "Cmd_Start") + " Fælles gårdhave på Østerbro");
        await SayAsync(conversation, "Beboerne ejer haven sammen med os");
        var replies = await SayAsync(conversation, Cmd(Language.Da, "Cmd_Summary"));

        var actions = replies.SelectMany(r => r["attachments"] ?? new JArray()).Select(a => (JObject)a["content"]!).SelectMany(CardReader.Actions).ToList();
        var word = actions.Single(a => (string?)a["title"] == T(Language.Da, "Action_DownloadWord"));
        var url = new Uri((string)word["url"]!);
        Assert.Equal("https://bot.example.test", url.GetLeftPart(UriPartial.Authority));

        using var response = await client.GetAsync(url.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Fælles gårdhave på Østerbro.docx", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("Beboerne ejer haven sammen med os", text, StringComparison.Ordinal);
        Assert.Contains(Texts.Get(Language.Da, "Documents_QuestionsHeading"), text, StringComparison.Ordinal);
    }

    private async Task<List<JObject>> SayAsync(string conversation, string text)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString(),
            ["channelId"] = "msteams",
            ["serviceUrl"] = "https://test.invalid/",
            ["deliveryMode"] = "expectReplies",
            ["locale"] = "da-DK",
            ["text"] = text,
            ["from"] = new JObject { ["id"] = "user-da", ["name"] = "Mette Østergård" },
            ["recipient"] = new JObject { ["id"] = "bot-id", ["name"] = "Samskapelse" },
            ["conversation"] = new JObject { ["id"] = conversation, ["conversationType"] = "personal" },
        };
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return body["activities"]!.Cast<JObject>().ToList();
    }
}
