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

    /** Failed cases: those whose expectations did not hold, and those that could not be run (counted once). */
    public long failed() {
        long unrunnable = errors.stream().map(e -> e.file() + "\0" + e.caseName()).distinct().count();
        return results.size() - passed() + unrunnable;
    }

    /** The closing line: {@code N passed, N failed}. */
    public String summary() {
        return passed() + " passed, " + failed() + " failed";
    }
}
