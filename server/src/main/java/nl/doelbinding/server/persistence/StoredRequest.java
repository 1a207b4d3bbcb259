package nl.doelbinding.server.persistence;

import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.model.RequestHistory;

import java.time.Instant;
import java.util.Optional;

/**
 * A request as stored.
 *
 * @param id               row id (internal reference for decisions, escalations, disclosures)
 * @param requesterSubject token subject
 * @param requesterClient  OAuth client
 * @param requesterUnit    organisational unit
 * @param requestId        the requester's idempotency key
 * @param bodySha256       SHA-256 of the body's canonical JSON (see {@code CanonicalJson})
 * @param body             the JSON text as received
 * @param purpose          the purpose, if named
 * @param receivedAt       when it arrived
 * @param status           where it is in the flow
 * @param history          the requester's history it was decided on (legal catalogue R8); none for requests
 *                         stored before it was counted
 */
public record StoredRequest(long id, String requesterSubject, String requesterClient, String requesterUnit,
                            String requestId, String bodySha256, String body, Optional<PurposeCode> purpose,
                            Instant receivedAt, RequestStatus status, RequestHistory history) {
}
