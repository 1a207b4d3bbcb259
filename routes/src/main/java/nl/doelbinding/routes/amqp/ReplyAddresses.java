package nl.doelbinding.routes.amqp;

import java.util.Optional;

/**
 * Remembers where the decision on a queued request was sent, so that the final decision after a legal review
 * reaches the same reply address. Keyed like the decision itself: requester client and request id.
 */
public interface ReplyAddresses {
    /** Stores the address unless one is stored already for this request (a redelivery keeps the first). */
    void remember(String requesterClient, String requestId, ReplyAddress address);

    /** The address the request's decision was sent to; empty when it did not come in on the queue. */
    Optional<ReplyAddress> find(String requesterClient, String requestId);
}
