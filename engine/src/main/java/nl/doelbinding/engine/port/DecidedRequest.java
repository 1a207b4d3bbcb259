package nl.doelbinding.engine.port;

import java.time.Instant;
import java.util.Objects;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;

/**
 * A request together with the decision made on it, ready to be recorded in one transaction.
 *
 * @param request      the validated request (with the verified requester)
 * @param bodySha256   the SHA-256 of the request body in canonical JSON, for idempotency
 * @param bodyJson     the request body as received (canonical JSON)
 * @param decision     the engine's decision
 * @param decisionId   the id assigned to the decision
 * @param decisionJson the decision document (api.md section 3, without release)
 * @param receivedAt   when the request was received
 * @param counted      the requester's history the request was decided on, and what to count it under
 */
public record DecidedRequest(DisclosureRequest request, String bodySha256, String bodyJson, Decision decision,
                             String decisionId, String decisionJson, Instant receivedAt,
                             RequestHistories.Counted counted) {
    public DecidedRequest {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(bodySha256, "bodySha256");
        Objects.requireNonNull(bodyJson, "bodyJson");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(decisionJson, "decisionJson");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(counted, "counted");
        if (!request.history().equals(counted.history())) {
            throw new IllegalArgumentException("the request was decided on another history than the one counted");
        }
    }
}
