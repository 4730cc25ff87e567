using Microsoft.Extensions.Options;
using Samskapelse.Bot.Documents;
using Samskapelse.Documents;
using Samskapelse.Localization;

namespace Samskapelse.Bot.Privacy;

/// <summary>The signed, short-lived download link of a person's own data, served by the document endpoint.</summary>
public sealed class PersonalDataLinks(DocumentLinkSigner signer, IOptions<DocumentOptions> options, IOptions<BotUrlOptions> urls, TimeProvider time)
{
    public string For(PersonalDataScope scope, string userId, Language language)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var link = new DocumentLink(scope.Encode(), PlanExport.PersonalData, language, userId, time.GetUtcNow() + options.Value.LinkLifetime);
        return urls.Value.PublicBaseUrl.TrimEnd('/') + PlanLinkIssuer.RoutePrefix + signer.Sign(link);
    }
}
