package nl.doelbinding.server.persistence;

import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.model.VNumber;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One released field of one resident: a line of the GDPR art. 15 register as the API lists it. The register stores
 * the fields one decision released about one resident together, as a {@link DisclosureRecord}.
 *
 * @param vNumber       the resident
 * @param requestRowId  the stored request
 * @param decisionId    the decision that released it
 * @param purpose       the purpose it was released for
 * @param requesterUnit the recipient (organisational unit)
 * @param field         the field
 * @param outcome       how it was released (DISCLOSE, MASK, GENERALISE or PSEUDONYMISE)
 * @param disclosedAt   when it was released
 */
public record Disclosure(VNumber vNumber, long requestRowId, UUID decisionId, PurposeCode purpose,
                         String requesterUnit, FieldName field, FieldOutcome outcome, Instant disclosedAt) {
    public Disclosure {
        Objects.requireNonNull(vNumber, "vNumber");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(requesterUnit, "requesterUnit");
        Objects.requireNonNull(field, "field");
        requireReleased(outcome);
        disclosedAt = Jdbc.millis(Objects.requireNonNull(disclosedAt, "disclosedAt"));
    }

    static void requireReleased(FieldOutcome outcome) {
        if (!Objects.requireNonNull(outcome, "outcome").releases()) {
            throw new IllegalArgumentException("only released fields belong in the register, not " + outcome);
        }
    }
}
