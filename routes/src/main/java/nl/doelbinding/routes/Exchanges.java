package nl.doelbinding.routes;

/** Names of the exchange properties and headers the routes share. */
public final class Exchanges {
    /** Property: the verified {@link nl.doelbinding.engine.model.Requester}. */
    public static final String REQUESTER = "doelbinding.requester";
    /** Property: the {@link nl.doelbinding.routes.flow.DecisionOutcome} of {@code direct:decide}. */
    public static final String OUTCOME = "doelbinding.outcome";
    /** Header: the overall decision, the dispatch route switches on it. */
    public static final String DECISION = "doelbinding.decision";
    /** Header: the id of the review an escalated request waits for. */
    public static final String ESCALATION_ID = "doelbinding.escalationId";
    /** Header: the channel a request came in on (http, amqp, file). */
    public static final String CHANNEL = "doelbinding.channel";
    /** Property: true when a channel could not take a reviewed decision, which stays owed ({@link OwedReviewReplies}). */
    public static final String REPLY_OWED = "doelbinding.replyOwed";

    private Exchanges() {
    }
}
