package nl.doelbinding.server.flow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.VNumber;
import nl.doelbinding.server.persistence.Disclosure;
import nl.doelbinding.server.persistence.StoredRequest;

/**
 * Rows of the GDPR art. 15 register: one per named resident the register holds and per released field.
 * A named V-number the register does not hold gets none: nothing about such a person was disclosed.
 */
final class Disclosures {
    private Disclosures() {
    }

    static List<Disclosure> of(StoredRequest row, UUID decisionId, List<VNumber> subjects,
                               Map<FieldName, FieldOutcome> released, Set<VNumber> inRegister, Instant at) {
        List<Disclosure> rows = new ArrayList<>();
        if (row.purpose().isEmpty()) {
            return rows;
        }
        for (VNumber subject : subjects) {
            if (!inRegister.contains(subject)) {
                continue;
            }
            released.forEach((field, outcome) -> {
                if (outcome.releases()) {
                    rows.add(new Disclosure(subject, row.id(), decisionId, row.purpose().get(), row.requesterUnit(),
                            field, outcome, at));
                }
            });
        }
        return rows;
    }
}
