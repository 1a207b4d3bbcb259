package nl.doelbinding.server.persistence;

import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.model.RequestHistory;
import nl.doelbinding.engine.model.Requester;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to store as received.
 *
 * @param requesterSubject token subject
 * @param requesterClient  OAuth client: together with {@code requestId} the idempotency key
 * @param requesterUnit    organisational unit
 * @param requestId        the requester's idempotency key
 * @param body             the request as JSON text (stored as given; hashed in canonical form)
 * @param bodySha256       the SHA-256 (hex) of the body's canonical JSON
 * @param purpose          the purpose, if the request named one
 * @param receivedAt       when it arrived (stored with millisecond precision)
 * @param history          the requester's history it is decided on (legal catalogue R8)
 */
public record NewRequest(String requesterSubject, String requesterClient, String requesterUnit, String requestId,
                         String body, String bodySha256, Optional<PurposeCode> purpose, Instant receivedAt,
                         RequestHistory history) {
    public NewRequest {
        Objects.requireNonNull(requesterSubject, "requesterSubject");
        Objects.requireNonNull(requesterClient, "requesterClient");
        Objects.requireNonNull(requesterUnit, "requesterUnit");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(bodySha256, "bodySha256");
        purpose = purpose == null ? Optional.empty() : purpose;
        receivedAt = Jdbc.millis(Objects.requireNonNull(receivedAt, "receivedAt"));
        Objects.requireNonNull(history, "history");
    }

    /** A request from a verified requester whose canonical body and its hash are already known. */
    public static NewRequest of(Requester requester, String requestId, String canonicalBody, String bodySha256,
                                Optional<PurposeCode> purpose, Instant receivedAt, RequestHistory history) {
        return new NewRequest(requester.subject(), requester.client(), requester.unit(), requestId, canonicalBody,
                bodySha256, purpose, receivedAt, history);
    }
}
