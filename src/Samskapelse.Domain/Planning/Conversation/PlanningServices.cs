using Samskapelse.Planning.Conversation.Handlers;

namespace Samskapelse.Planning.Conversation;

/// <summary>Every handler of the planning conversation, for the composition root.</summary>
public static class PlanningHandlers
{
    public static IReadOnlyList<IPlanningHandler> All() =>
    [
        new HelpHandler(), new StartPlanHandler(), new SubmitSetupHandler(), new ListPlansHandler(),
        new OpenPlanHandler(), new RenamePlanHandler(), new DeletePlanHandler(), new ConfirmDeleteHandler(),
        new CancelDeleteHandler(), new ShowSummaryHandler(), new SetLanguageHandler(), new UnknownHandler(),
        new NextHandler(), new BackHandler(), new SkipHandler(), new PauseHandler(), new ContinueHandler(),
        new EditAnswerHandler(), new SubmitAnswerHandler(), new TypedAnswerHandler(),
        new AddPartnerHandler(), new AddActivityHandler(), new AddAllianceHandler(),
        new RemovePartnerHandler(), new RemoveActivityHandler(), new RemoveAllianceHandler(),
        new EditCodeOfConductHandler(), new SaveCodeOfConductHandler(), new PrincipleSuggestionHandler(accept: true), new PrincipleSuggestionHandler(accept: false), new SharePickerHandler(), new ShareSendHandler(),
        new AnswerOrCommandHandler(), new ChooseAnswerOrCommandHandler(asCommand: false), new ChooseAnswerOrCommandHandler(asCommand: true), new RunCommandHandler(),
        new FollowUpHandler(), new SaveFollowUpHandler(),
        .. Samskapelse.Method.MethodHandlers.All(),
    ];
}
