package nl.doelbinding.engine.verify;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.OverallDecision;

/**
 * A legal property a ruleset must have on every request in its scope.
 *
 * @param id             its identifier, such as {@code INV-CONSENT-01}
 * @param description    what it says, in plain language
 * @param citation       the provision it rests on
 * @param file           the file it was read from
 * @param when           the part of the decision space it speaks about
 * @param fieldOutcomeIn when present: every in-scope field's outcome is one of these
 * @param decisionIn     when present: the overall decision of every request in scope is one of these
 */
public record Invariant(String id, String description, String citation, String file, InvariantScope when,
                        Optional<Set<FieldOutcome>> fieldOutcomeIn, Optional<Set<OverallDecision>> decisionIn) {
    public Invariant {
        Objects.requireNonNull(id, "id");
        description = description == null ? "" : description;
        citation = citation == null ? "" : citation;
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(when, "when");
        fieldOutcomeIn = fieldOutcomeIn.map(Set::copyOf);
        decisionIn = decisionIn.map(Set::copyOf);
        if (fieldOutcomeIn.isEmpty() && decisionIn.isEmpty()) {
            throw new IllegalArgumentException("an invariant needs fieldOutcomeIn or decisionIn");
        }
    }

    /** What it requires, as the author wrote it: {@code fieldOutcomeIn [REJECT, ESCALATE]}. */
    public String requirement() {
        StringBuilder s = new StringBuilder();
        fieldOutcomeIn.ifPresent(o -> s.append("fieldOutcomeIn ").append(sorted(o)));
        decisionIn.ifPresent(d -> s.append(s.isEmpty() ? "" : " and ").append("decisionIn ").append(sorted(d)));
        return s.toString();
    }

    private static <E extends Enum<E>> String sorted(Set<E> values) {
        return values.stream().sorted().map(Enum::name).collect(Collectors.joining(", ", "[", "]"));
    }
}
