package nl.doelbinding.server.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An escalation: fields of a request that await human legal review.
 *
 * @param escalationId the escalation's id, as {@code escalationId} in the decision JSON
 * @param requestRowId the stored request
 * @param decisionId   the ESCALATED decision that opened it
 * @param status       open or closed
 * @param fieldsJson   the escalated fields (JSON text)
 * @param createdAt    when it was opened
 * @param reviewer     who closed it
 * @param verdictJson  the reviewer's verdict (JSON text)
 * @param closedAt     when it was closed
 */
public record StoredEscalation(UUID escalationId, long requestRowId, UUID decisionId, EscalationStatus status,
                               String fieldsJson, Instant createdAt, Optional<String> reviewer,
                               Optional<String> verdictJson, Optional<Instant> closedAt) {
}
