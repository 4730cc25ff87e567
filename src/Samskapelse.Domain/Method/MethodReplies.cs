using Samskapelse.Planning.Conversation;

namespace Samskapelse.Method;

/// <summary>"What is co-creation": the definition, what it is not, the variants, the wheel, the phases and what it contributes.</summary>
public sealed record CoCreationReply : Reply;

/// <summary>The maturity ladder as a self-assessment; with a saved step, what it means and what the next step takes.</summary>
public sealed record MaturityReply(SelfAssessment? Assessment, TextReply? Notice = null) : Reply;

/// <summary>The personal reflection on the six competences and the leader's five roles, private to the manager.</summary>
public sealed record ReflectionReply(SelfAssessment? Assessment, TextReply? Notice = null) : Reply;
