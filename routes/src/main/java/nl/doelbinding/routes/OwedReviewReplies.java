package nl.doelbinding.routes;

import java.time.Instant;
import java.util.List;
import nl.doelbinding.engine.port.StoredDecision;

/**
 * The final decisions of legal reviews that the channels have not all taken yet: the outbox of the review replies
 * (docs/channels.md). A review commits first and is sent to the request's channels after; until every channel has
 * taken it, it stays owed and is sent again ({@link ReviewReplyRelayRoute}), also after a crash in between.
 */
public interface OwedReviewReplies {
    /** The final decisions of reviews closed before {@code closedBefore} and still owed, oldest first. */
    List<StoredDecision> owed(Instant closedBefore, int limit);

    /** Every channel has taken the final decision of the review {@code escalationId}. */
    void sent(String escalationId);
}
