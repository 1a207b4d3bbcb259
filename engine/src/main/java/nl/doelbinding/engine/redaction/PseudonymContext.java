package nl.doelbinding.engine.redaction;

import java.util.Objects;

/**
 * What a pseudonym is keyed by: the requesting unit and its case.
 *
 * @param unit          the requester's organisational unit (from the verified token)
 * @param caseReference the case reference of the request, or "" when there is none
 */
public record PseudonymContext(String unit, String caseReference) {
    public PseudonymContext {
        Objects.requireNonNull(unit, "unit");
        caseReference = caseReference == null ? "" : caseReference;
    }
}
