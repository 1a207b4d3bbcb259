package nl.doelbinding.routes;

import nl.doelbinding.engine.port.StoredDecision;
import nl.doelbinding.routes.flow.DecisionOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of {@code direct:reviewed}: when no channel left the reviewed decision owed, it is no longer owed.
 * A channel that failed set {@link Exchanges#REPLY_OWED}, and the decision is sent again later. Failing to note
 * it (the database) fails nothing: the review is done and the decision is merely sent once more.
 */
final class RepliesTaken implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(RepliesTaken.class);

    private final OwedReviewReplies owed;

    RepliesTaken(OwedReviewReplies owed) {
        this.owed = owed;
    }

    @Override
    public void process(Exchange exchange) {
        if (Boolean.TRUE.equals(exchange.getProperty(Exchanges.REPLY_OWED, Boolean.class))) {
            return;
        }
        StoredDecision stored = exchange.getProperty(Exchanges.OUTCOME, DecisionOutcome.class).stored();
        try {
            stored.escalationId().ifPresent(owed::sent);
        } catch (RuntimeException e) {
            LOG.warn("the reviewed decision on request {} was taken by its channels but could not be noted so ({});"
                    + " it will be sent again", stored.requestId(), e.getClass().getName());
        }
    }
}
