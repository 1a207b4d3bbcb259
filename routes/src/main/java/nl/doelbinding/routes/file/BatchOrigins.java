package nl.doelbinding.routes.file;

import java.util.Optional;

/**
 * Which file-drop binding delivered an escalated request, so that the final decision after the legal review
 * is written to that binding's outbox too. Keyed like the decision: requester client and request id.
 */
public interface BatchOrigins {
    /** Records the binding of an escalated request unless one is recorded (a reprocessed batch keeps the first). */
    void remember(String requesterClient, String requestId, String binding);

    /** The binding that delivered the request; empty when it did not come in a batch (or was not escalated). */
    Optional<String> bindingOf(String requesterClient, String requestId);
}
