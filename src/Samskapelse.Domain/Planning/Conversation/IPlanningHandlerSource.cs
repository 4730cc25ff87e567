namespace Samskapelse.Planning.Conversation;

/// <summary>A feature's handlers, added to <see cref="PlanningHandlers.All"/> by the composition root (the registry still refuses duplicate verbs).</summary>
public interface IPlanningHandlerSource
{
    IEnumerable<IPlanningHandler> Handlers();
}
