package nl.doelbinding.engine.scenario;

/**
 * A scenario that cannot be run as written (unknown code, bad YAML), naming file and case.
 *
 * @param file    the scenario file
 * @param caseName the case, or empty when the file as a whole is wrong
 * @param message what is wrong
 */
public record ScenarioError(String file, String caseName, String message) {
    @Override
    public String toString() {
        return caseName.isEmpty() ? file + ": " + message : file + ": case \"" + caseName + "\": " + message;
    }
}
