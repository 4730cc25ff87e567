using Samskapelse.Planning;

namespace Samskapelse.Planning.Conversation;

/// <summary>What the conversation wants shown; the bot renders each reply as text or a card in the user's language.</summary>
public abstract record Reply;

/// <summary>A localized message: a resource key and its arguments.</summary>
public sealed record TextReply(string Key, params object[] Args) : Reply;

public sealed record WelcomeReply(Plan? ActivePlan) : Reply;

public sealed record HelpReply : Reply;

/// <summary>The card that asks the current question; <paramref name="Notice"/> is a localized note shown at its top.</summary>
public sealed record QuestionReply(Plan Plan, PlanStep Step, int CardSequence, TextReply? Notice = null) : Reply;

/// <summary>The setup card for a new plan (no plan exists yet).</summary>
public sealed record SetupReply(int CardSequence, string? Title, TextReply? Notice = null) : Reply;

public sealed record SummaryReply(Plan Plan) : Reply;

public sealed record PlanListReply(IReadOnlyList<Plan> Plans, string? ActivePlanId, int CardSequence) : Reply;

public sealed record ConfirmDeleteReply(Plan Plan, int CardSequence) : Reply;

/// <summary>The card to pick a plan, a team chat and what to share there.</summary>
public sealed record SharePickerReply(IReadOnlyList<Plan> Plans, IReadOnlyList<KnownChat> Chats, int CardSequence) : Reply;

/// <summary>Not shown but carried out by the bot after the turn: post a plan's card into a team chat.</summary>
public sealed record ShareRequest(string PlanId, string ConversationId, string Kind) : Reply;

/// <summary>
/// "Your answer, or a command?": <paramref name="Text"/> could answer question <paramref name="Question"/>
/// (0: the new plan's title) or start a plan titled <paramref name="Title"/>.
/// </summary>
public sealed record AnswerOrCommandReply(string Text, string Title, int Question, int CardSequence) : Reply;

/// <summary>A message that was no command, and the command the user most likely meant, one tap away.</summary>
public sealed record CommandSuggestionReply(string Typed, string Suggestion) : Reply;

public sealed record CodeOfConductEditorReply(Plan Plan, int CardSequence, TextReply? Notice = null) : Reply;

/// <summary>The follow-up card: what happened with each partner and alliance, and where the initiative stands.</summary>
public sealed record FollowUpReply(Plan Plan, int CardSequence, TextReply? Notice = null) : Reply;
