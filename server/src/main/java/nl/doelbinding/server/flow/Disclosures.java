package nl.doelbinding.server.flow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.VNumber;
import nl.doelbinding.server.persistence.DisclosureRecord;
import nl.doelbinding.server.persistence.StoredRequest;

/**
 * Rows of the GDPR art. 15 register: one per named resident the register holds, with every field the decision
 * released, when it released any. A named V-number the register does not hold gets none: nothing about such a
 * person was disclosed.
 */
final class Disclosures {
    private Disclosures() {
    }

    static List<DisclosureRecord> of(StoredRequest row, UUID decisionId, List<VNumber> subjects,
                                     Map<FieldName, FieldOutcome> outcomes, Set<VNumber> inRegister, Instant at) {
        Map<FieldName, FieldOutcome> released = new LinkedHashMap<>();
        outcomes.forEach((field, outcome) -> {
            if (outcome.releases()) {
                released.put(field, outcome);
            }
        });
        List<DisclosureRecord> rows = new ArrayList<>();
        if (row.purpose().isEmpty() || released.isEmpty()) {
            return rows;
        }
        for (VNumber subject : subjects) {
            if (inRegister.contains(subject)) {
                rows.add(new DisclosureRecord(subject, row.id(), decisionId, row.purpose().get(), row.requesterUnit(),
                        released, at));
            }
        }
        return rows;
    }
}
