using System.Collections.Immutable;

namespace Samskapelse.Planning.Conversation;

/// <summary>
/// What the user asked for in one turn: from a typed command, a typed answer, or a card submit.
/// Card submits carry the number of the card they came from, so stale cards can be recognised.
/// </summary>
public sealed record Intent(string Verb, ImmutableDictionary<string, string> Fields, int? CardSequence = null, string? PlanId = null)
{
    public static Intent Of(string verb) => new(verb, ImmutableDictionary<string, string>.Empty);

    public static Intent Of(string verb, params (string Key, string Value)[] fields) =>
        new(verb, fields.ToImmutableDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal));

    public bool FromCard => CardSequence is not null;

    public string? Field(string key) => Fields.TryGetValue(key, out var value) ? value : null;

    /// <summary>A text input, trimmed, or null when empty; one longer than <paramref name="limit"/> sets <paramref name="problem"/> unless it is set already.</summary>
    public string? TextField(string key, int limit, ref TextReply? problem)
    {
        var value = Field(key)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Length > limit)
        {
            problem ??= new TextReply("Error_TooLong", value.Length, limit);
        }

        return value;
    }
}

/// <summary>The verbs the planning conversation understands; card data carries them in <see cref="CardData.Verb"/>.</summary>
public static class Verbs
{
    public const string Help = "help";
    public const string StartPlan = "plan.start";
    public const string ListPlans = "plan.list";
    public const string OpenPlan = "plan.open";
    public const string RenamePlan = "plan.rename";
    public const string DeletePlan = "plan.delete";
    public const string ConfirmDelete = "plan.delete.confirm";
    public const string CancelDelete = "plan.delete.cancel";
    public const string ShowSummary = "plan.summary";
    public const string Continue = "plan.continue";
    public const string SetLanguage = "language";
    public const string SubmitSetup = "setup.submit";
    public const string SubmitAnswer = "answer.submit";
    public const string TypedAnswer = "answer.typed";
    public const string AddPartner = "partner.add";
    public const string RemovePartner = "partner.remove";
    public const string AddActivity = "activity.add";
    public const string RemoveActivity = "activity.remove";
    public const string AddAlliance = "alliance.add";
    public const string RemoveAlliance = "alliance.remove";
    public const string Next = "nav.next";
    public const string Back = "nav.back";
    public const string Skip = "nav.skip";
    public const string Pause = "nav.pause";
    public const string EditAnswer = "answer.edit";
    public const string EditCodeOfConduct = "code.edit";
    public const string SaveCodeOfConduct = "code.save";
    public const string FollowUp = "followup";
    public const string SaveFollowUp = "followup.save";
    public const string AcceptPrincipleSuggestion = "code.suggestion.accept";
    public const string IgnorePrincipleSuggestion = "code.suggestion.ignore";
    public const string Share = "share";
    public const string ShareSend = "share.send";
    public const string Unknown = "unknown";

    /// <summary>Typed text that could be the answer to the open question or a command: the user is asked which.</summary>
    public const string AnswerOrCommand = "answer.ambiguous";
    public const string ChooseAnswer = "ambiguous.answer";
    public const string ChooseCommand = "ambiguous.command";

    /// <summary>A suggested command, run with one tap: the bot reads the card's text as a typed command.</summary>
    public const string RunCommand = "command.run";
}

/// <summary>Names of the reserved fields in card data and of the inputs on planning cards.</summary>
public static class CardData
{
    public const string Verb = "verb";
    public const string Card = "card";
    public const string Plan = "plan";
    public const string Item = "item";
    public const string Step = "step";
    public const string Text = "text";
    public const string Title = "title";
    public const string Arena = "arena";
    public const string Variant = "variant";
    public const string Phase = "phase";
    public const string Answer = "answer";
    public const string Name = "name";
    public const string Side = "side";
    public const string Kind = "kind";
    public const string Partners = "partners";
    public const string Purpose = "purpose";
    public const string Description = "description";
    public const string NewPrinciple = "principle_new";
    public const string Language = "language";
    public const string Chat = "chat";
    public const string ShareKind = "shareKind";
    public const string Contributions = "contributions";
    public const string Resources = "resources";
    public const string Status = "status";
    public const string FollowUpNote = "followup_plan";

    public static string Mobilisation(string partnerId) => "mobilise_" + partnerId;

    /// <summary>Each plan on the plan list has its own title input: input ids must be unique on a card.</summary>
    public static string NewTitle(string planId) => "title_" + planId;

    public static string FollowUpPartner(string partnerId) => "followup_partner_" + partnerId;

    public static string FollowUpAlliance(string allianceId) => "followup_alliance_" + allianceId;

    public static string PrincipleText(string principleId) => "principle_" + principleId;

    public static string PrincipleRemove(string principleId) => "remove_" + principleId;
}
