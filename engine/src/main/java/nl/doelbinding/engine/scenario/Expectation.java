package nl.doelbinding.engine.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.RuleId;

/**
 * What a scenario case expects. Everything is optional; what is given must hold.
 *
 * @param decision     the overall decision
 * @param fields       outcome per field
 * @param rules        deciding rule per field
 * @param citations    a substring of the deciding citation per field
 * @param requestRules the request-level rules that fire, in any order (when given, exactly these)
 */
public record Expectation(Optional<OverallDecision> decision, Map<FieldName, FieldOutcome> fields,
                          Map<FieldName, RuleId> rules, Map<FieldName, String> citations,
                          Optional<List<RuleId>> requestRules) {
    public Expectation {
        fields = Map.copyOf(fields);
        rules = Map.copyOf(rules);
        citations = Map.copyOf(citations);
    }
}
