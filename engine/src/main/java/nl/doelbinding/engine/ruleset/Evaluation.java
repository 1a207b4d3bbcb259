package nl.doelbinding.engine.ruleset;

import java.util.List;
import java.util.Map;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.RuleHit;

/**
 * The raw result of evaluating a ruleset on one request, before combining: which rules fired.
 *
 * @param requestHits request-level rules that fired, in ruleset order
 * @param fieldHits   per requested field, the field rules that fired for it, in ruleset order
 */
public record Evaluation(List<RuleHit> requestHits, Map<FieldName, List<RuleHit>> fieldHits) {
    public Evaluation {
        requestHits = List.copyOf(requestHits);
        fieldHits = Map.copyOf(fieldHits);
    }
}
