package nl.doelbinding.engine.catalogue;

import java.util.Objects;
import java.util.Set;
import nl.doelbinding.engine.model.InstrumentCode;
import nl.doelbinding.engine.model.PurposeCode;

/**
 * A purpose a requester may name.
 *
 * @param code                  the code
 * @param description           what the purpose covers
 * @param instruments           the legal instruments consistent with this purpose (policy, [P])
 * @param caseReferenceRequired whether a request for this purpose must carry a case reference (policy, [P])
 */
public record PurposeDefinition(PurposeCode code, String description, Set<InstrumentCode> instruments,
                                boolean caseReferenceRequired) {
    public PurposeDefinition {
        Objects.requireNonNull(code, "code");
        description = description == null ? "" : description;
        instruments = Set.copyOf(instruments);
    }
}
