using System.Text.Json;
using Samskapelse.Assistant;
using Samskapelse.Planning;

namespace Samskapelse.Bot.Assistant;

/// <summary>
/// Reads the model's JSON against the schema of its kind. Anything that does not match (not JSON,
/// a missing or mistyped field, an unknown value) makes the whole answer malformed: it is never shown.
/// </summary>
internal static class AssistantAnswerReader
{
    public const int MaxSuggestions = 8;

    public static bool TryRead(SuggestionKind kind, string? json, PlanFacts plan, out IReadOnlyList<Suggestion> suggestions)
    {
        suggestions = [];
        if (string.IsNullOrWhiteSpace(json))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("suggestions", out var items)
                || items.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var read = new List<Suggestion>();
            foreach (var item in items.EnumerateArray().Take(MaxSuggestions))
            {
                var suggestion = item.ValueKind == JsonValueKind.Object ? Read(kind, item, plan) : null;
                if (suggestion is null)
                {
                    return false;
                }

                read.Add(suggestion);
            }

            suggestions = read;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static Suggestion? Read(SuggestionKind kind, JsonElement item, PlanFacts plan)
    {
        switch (kind)
        {
            case SuggestionKind.Partners:
                var side = String(item, "side") switch { "outside" => PartnerSide.Outside, "at_home" => PartnerSide.AtHome, _ => (PartnerSide?)null };
                var partnerKind = String(item, "kind") switch
                {
                    "citizens" => PartnerKind.Citizens,
                    "association" => PartnerKind.Association,
                    "business" => PartnerKind.Business,
                    "other_public_body" => PartnerKind.OtherPublicBody,
                    "own_unit" => PartnerKind.OwnUnit,
                    _ => (PartnerKind?)null,
                };
                return Text(item, "name") is { } name && side is not null && partnerKind is not null && String(item, "why") is { } why
                    ? New(kind, name) with { Side = side, PartnerKind = partnerKind, Detail = why }
                    : null;

            case SuggestionKind.Mobilisation:
                // An id the plan does not have is a malformed answer, not a suggestion for someone else.
                return String(item, "partner_id") is { } id && plan.Partners.Any(p => p.Id == id) && Text(item, "how") is { } how
                    ? New(kind, how) with { TargetId = id }
                    : null;

            case SuggestionKind.Activities:
                return Text(item, "description") is { } description ? New(kind, description) : null;

            case SuggestionKind.Alliances:
                if (Text(item, "name") is not { } allianceName || String(item, "purpose") is not { } purpose
                    || !item.TryGetProperty("partner_ids", out var ids) || ids.ValueKind != JsonValueKind.Array
                    || ids.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String))
                {
                    return null;
                }

                return New(kind, allianceName) with { Detail = purpose, PartnerIds = [.. ids.EnumerateArray().Select(i => i.GetString()!)] };

            case SuggestionKind.CodeOfConduct:
                if (Text(item, "text") is not { } principle || !item.TryGetProperty("replaces", out var replaces)
                    || replaces.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    return null;
                }

                var target = replaces.ValueKind == JsonValueKind.String ? replaces.GetString() : null;
                return New(kind, principle) with { TargetId = plan.CodeOfConduct.Any(c => c.Id == target) ? target : null };

            case SuggestionKind.Summary:
                return Text(item, "text") is { } summary ? New(kind, summary) : null;

            default:
                return String(item, "pitfall") is { } pitfall && Text(item, "explanation") is { } explanation
                    ? New(kind, explanation) with { TargetId = pitfall }
                    : null;
        }
    }

    private static string? String(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Text(JsonElement item, string name) => String(item, name) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static Suggestion New(SuggestionKind kind, string text) => new() { Id = string.Empty, Kind = kind, Text = text };
}
