package nl.doelbinding.engine.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import nl.doelbinding.engine.model.OverallDecision;

/**
 * A decision as recorded: the current (final) one for its request.
 *
 * @param requestId     the requester's request id
 * @param client        the requesting client (with requestId, the idempotency key)
 * @param requesterUnit the requester's unit (keys pseudonyms)
 * @param bodySha256    the SHA-256 of the canonical request body
 * @param bodyJson      the request body (canonical JSON)
 * @param decisionId    the decision's id
 * @param overall       the overall decision
 * @param decisionJson  the decision document, without release
 * @param escalationId  the review, when the request was escalated
 * @param decidedAt     when this decision was made
 */
public record StoredDecision(String requestId, String client, String requesterUnit, String bodySha256,
                             String bodyJson, String decisionId, OverallDecision overall, String decisionJson,
                             Optional<String> escalationId, Instant decidedAt) {
    public StoredDecision {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(requesterUnit, "requesterUnit");
        Objects.requireNonNull(bodySha256, "bodySha256");
        Objects.requireNonNull(bodyJson, "bodyJson");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(decisionJson, "decisionJson");
        escalationId = escalationId == null ? Optional.empty() : escalationId;
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
