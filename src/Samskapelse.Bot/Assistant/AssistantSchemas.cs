namespace Samskapelse.Bot.Assistant;

/// <summary>The JSON schema of each kind of answer, sent as the structured-output response format (strict).</summary>
internal static class AssistantSchemas
{
    public static string For(Samskapelse.Assistant.SuggestionKind kind) => Wrap(kind switch
    {
        Samskapelse.Assistant.SuggestionKind.Partners => Item("""
            "name": { "type": "string" },
            "side": { "type": "string", "enum": ["outside", "at_home"] },
            "kind": { "type": "string", "enum": ["citizens", "association", "business", "other_public_body", "own_unit"] },
            "why": { "type": "string" }
            """, "name", "side", "kind", "why"),
        Samskapelse.Assistant.SuggestionKind.Mobilisation => Item("""
            "partner_id": { "type": "string" },
            "how": { "type": "string" }
            """, "partner_id", "how"),
        Samskapelse.Assistant.SuggestionKind.Activities => Item("""
            "description": { "type": "string" }
            """, "description"),
        Samskapelse.Assistant.SuggestionKind.Alliances => Item("""
            "name": { "type": "string" },
            "purpose": { "type": "string" },
            "partner_ids": { "type": "array", "items": { "type": "string" } }
            """, "name", "purpose", "partner_ids"),
        Samskapelse.Assistant.SuggestionKind.CodeOfConduct => Item("""
            "text": { "type": "string" },
            "replaces": { "type": ["string", "null"] }
            """, "text", "replaces"),
        Samskapelse.Assistant.SuggestionKind.Summary => Item("""
            "text": { "type": "string" }
            """, "text"),
        _ => Item("""
            "pitfall": { "type": "string" },
            "explanation": { "type": "string" }
            """, "pitfall", "explanation"),
    });

    private static string Item(string properties, params string[] required) =>
        "{ \"type\": \"object\", \"additionalProperties\": false, \"properties\": { " + properties + " }, \"required\": [" + string.Join(", ", required.Select(r => "\"" + r + "\"")) + "] }";

    private static string Wrap(string item) =>
        "{ \"type\": \"object\", \"additionalProperties\": false, \"properties\": { \"suggestions\": { \"type\": \"array\", \"items\": " + item + " } }, \"required\": [\"suggestions\"] }";
}
