using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;

namespace Samskapelse.Bot.Teams;

/// <summary>
/// Reads the text of a message without the bot's own @mention. Written here rather than with the
/// SDK's RemoveRecipientMention, which throws on a mention entity without a mentioned account.
/// </summary>
public static partial class Mentions
{
    public static string TextWithoutBotMention(IMessageActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.Type != "mention")
            {
                continue;
            }

            var mention = entity.GetAs<Mention>();
            if (mention?.Mentioned?.Id == activity.Recipient?.Id && !string.IsNullOrEmpty(mention?.Text))
            {
                text = text.Replace(mention.Text, string.Empty, StringComparison.Ordinal);
            }
        }

        // Teams wraps every mention in <at> tags; one still leading the text is addressed to the bot.
        return LeadingMention().Replace(text, string.Empty).Trim();
    }

    [GeneratedRegex(@"^\s*<at>[^<]*</at>")]
    private static partial Regex LeadingMention();
}
