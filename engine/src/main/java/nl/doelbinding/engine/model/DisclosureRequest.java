package nl.doelbinding.engine.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated request for personal data of residents, as received on any channel.
 *
 * @param requestId     the requester's idempotency key
 * @param purpose       the purpose; empty when the requester named none (a request-level rule refuses it)
 * @param legalBasis    the legal ground invoked
 * @param caseReference the police case number, if any
 * @param subjects      the named residents
 * @param fields        the requested fields, without duplicates, in the requester's order
 * @param justification the requester's free-text reasoning (stored, never logged)
 * @param requester     who asks
 * @param history       the requester's earlier requests as the holder counted them (never from the body)
 */
public record DisclosureRequest(String requestId, Optional<PurposeCode> purpose, LegalBasis legalBasis,
                                Optional<String> caseReference, List<Subject> subjects, List<FieldName> fields,
                                String justification, Requester requester, RequestHistory history) {
    public DisclosureRequest {
        Objects.requireNonNull(requestId, "requestId");
        purpose = purpose == null ? Optional.empty() : purpose;
        Objects.requireNonNull(legalBasis, "legalBasis");
        caseReference = LegalBasis.blankToEmpty(caseReference);
        subjects = List.copyOf(subjects);
        fields = List.copyOf(fields);
        if (fields.stream().distinct().count() != fields.size()) {
            throw new IllegalArgumentException("fields must not repeat");
        }
        justification = justification == null ? "" : justification;
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(history, "history");
    }

    /** A request without history: as if nothing came before it. */
    public DisclosureRequest(String requestId, Optional<PurposeCode> purpose, LegalBasis legalBasis,
                             Optional<String> caseReference, List<Subject> subjects, List<FieldName> fields,
                             String justification, Requester requester) {
        this(requestId, purpose, legalBasis, caseReference, subjects, fields, justification, requester,
                RequestHistory.NONE);
    }

    /** The same request with the history the holder counted for it. */
    public DisclosureRequest withHistory(RequestHistory counted) {
        return new DisclosureRequest(requestId, purpose, legalBasis, caseReference, subjects, fields, justification,
                requester, counted);
    }
}
