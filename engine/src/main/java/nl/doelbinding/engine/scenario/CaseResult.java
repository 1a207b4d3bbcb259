package nl.doelbinding.engine.scenario;

import java.util.List;
import nl.doelbinding.engine.model.Decision;

/**
 * The result of running one case.
 *
 * @param scenario    the case
 * @param decision    what the ruleset decided
 * @param differences each expectation that did not hold, as "what: expected X, got Y"; empty when passed
 */
public record CaseResult(ScenarioCase scenario, Decision decision, List<String> differences) {
    public CaseResult {
        differences = List.copyOf(differences);
    }

    public boolean passed() {
        return differences.isEmpty();
    }
}
