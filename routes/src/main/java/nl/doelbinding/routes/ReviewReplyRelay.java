package nl.doelbinding.routes;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import nl.doelbinding.engine.port.StoredDecision;
import nl.doelbinding.routes.flow.DecisionOutcome;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of {@link ReviewReplyRelayRoute}: find the reviewed decisions still owed to their channels, prepare each
 * for the dispatch as the review did, and report one that fails (by its request id and the failure's kind only).
 */
final class ReviewReplyRelay {
    /** At most this many owed decisions per round; the next round takes the rest. */
    static final int ROUND = 100;

    private static final Logger LOG = LoggerFactory.getLogger(ReviewReplyRelay.class);

    private final OwedReviewReplies owed;
    private final Duration retryAfter;
    private final Clock clock;

    ReviewReplyRelay(OwedReviewReplies owed, Duration retryAfter, Clock clock) {
        this.owed = owed;
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    /** The body becomes the owed decisions of reviews closed at least {@code retryAfter} ago. */
    void due(Exchange exchange) {
        List<StoredDecision> due = owed.owed(clock.instant().minus(retryAfter), ROUND);
        if (!due.isEmpty()) {
            LOG.info("sending {} reviewed decisions again that their channels have not taken yet", due.size());
        }
        exchange.getIn().setBody(due);
    }

    /** One owed decision, ready for {@code direct:dispatch} and {@code direct:reviewed} as after its review. */
    void prepare(Exchange exchange) {
        StoredDecision stored = exchange.getIn().getBody(StoredDecision.class);
        exchange.setProperty(Exchanges.OUTCOME, new DecisionOutcome(stored, false));
        exchange.getIn().setHeader(Exchanges.DECISION, stored.overall().name());
        exchange.getIn().setHeader(Exchanges.CHANNEL, "review");
        exchange.getIn().setBody(null);
    }

    /** The decision stays owed and is tried again next round. */
    void failed(Exchange exchange) {
        DecisionOutcome outcome = exchange.getProperty(Exchanges.OUTCOME, DecisionOutcome.class);
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.warn("the reviewed decision on request {} could not be sent again ({}); it stays owed",
                outcome == null ? "?" : outcome.stored().requestId(), e == null ? "?" : e.getClass().getName());
    }
}
