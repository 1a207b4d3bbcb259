package nl.doelbinding.engine.scenario;

import java.util.List;

/**
 * All results of a scenario run.
 *
 * @param results one per case that could be run
 * @param errors  cases or files that could not be run; each counts as failed
 */
public record ScenarioReport(List<CaseResult> results, List<ScenarioError> errors) {
    public ScenarioReport {
        results = List.copyOf(results);
        errors = List.copyOf(errors);
    }

    public long passed() {
        return results.stream().filter(CaseResult::passed).count();
    }

    public long failed() {
        return results.size() - passed() + errors.size();
    }

    /** The closing line: {@code N passed, N failed}. */
    public String summary() {
        return passed() + " passed, " + failed() + " failed";
    }
}
