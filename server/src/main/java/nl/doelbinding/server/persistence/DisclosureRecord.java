package nl.doelbinding.server.persistence;

import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.model.VNumber;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of the GDPR art. 15 register: what one decision released about one resident.
 *
 * @param vNumber       the resident
 * @param requestRowId  the stored request
 * @param decisionId    the decision that released the fields
 * @param purpose       the purpose they were released for
 * @param requesterUnit the recipient (organisational unit)
 * @param released      the released fields with their outcomes, in the decision's order; at least one, each
 *                      released (DISCLOSE, MASK, GENERALISE or PSEUDONYMISE)
 * @param disclosedAt   when they were released
 */
public record DisclosureRecord(VNumber vNumber, long requestRowId, UUID decisionId, PurposeCode purpose,
                               String requesterUnit, Map<FieldName, FieldOutcome> released, Instant disclosedAt) {
    public DisclosureRecord {
        Objects.requireNonNull(vNumber, "vNumber");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(requesterUnit, "requesterUnit");
        if (released.isEmpty()) {
            throw new IllegalArgumentException("a register row releases at least one field");
        }
        released.values().forEach(Disclosure::requireReleased);
        released = Collections.unmodifiableMap(new LinkedHashMap<>(released));
        disclosedAt = Jdbc.millis(Objects.requireNonNull(disclosedAt, "disclosedAt"));
    }

    /** One {@link Disclosure} per released field, in the decision's order. */
    public List<Disclosure> disclosures() {
        List<Disclosure> lines = new ArrayList<>(released.size());
        released.forEach((field, outcome) -> lines.add(new Disclosure(vNumber, requestRowId, decisionId, purpose,
                requesterUnit, field, outcome, disclosedAt)));
        return lines;
    }
}
