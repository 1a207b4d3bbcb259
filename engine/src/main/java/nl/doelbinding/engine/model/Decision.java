package nl.doelbinding.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * The engine's decision on one request: what happens to every requested field, and why.
 *
 * @param requestId    the request it answers
 * @param overall      the overall decision
 * @param ruleset      the ruleset version it was made under
 * @param requestRules request-level rules that fired
 * @param fields       one decision per requested field, in the order requested
 */
public record Decision(String requestId, OverallDecision overall, RulesetRef ruleset, List<RuleHit> requestRules,
                       List<FieldDecision> fields) {
    public Decision {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(ruleset, "ruleset");
        requestRules = List.copyOf(requestRules);
        fields = List.copyOf(fields);
    }

    /** The decision on one field, if it was requested. */
    public java.util.Optional<FieldDecision> field(FieldName name) {
        return fields.stream().filter(f -> f.field().equals(name)).findFirst();
    }
}
