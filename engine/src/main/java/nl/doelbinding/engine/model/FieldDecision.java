package nl.doelbinding.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * The decision on one requested field.
 *
 * @param field     the field
 * @param outcome   the combined outcome (most restrictive wins)
 * @param decidedBy the rule whose outcome was taken
 * @param fired     every rule that fired for this field, request-level rules included, in evaluation order
 */
public record FieldDecision(FieldName field, FieldOutcome outcome, RuleHit decidedBy, List<RuleHit> fired) {
    public FieldDecision {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decidedBy, "decidedBy");
        fired = List.copyOf(fired);
    }
}
