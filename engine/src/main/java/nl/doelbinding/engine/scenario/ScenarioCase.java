package nl.doelbinding.engine.scenario;

import java.util.Objects;
import nl.doelbinding.engine.model.DisclosureRequest;

/**
 * One case of a scenario file: a request and what the ruleset must decide.
 *
 * @param file        the file it is in
 * @param name        its name
 * @param request     the request, validated against the ruleset's catalogue
 * @param expectation what must hold
 */
public record ScenarioCase(String file, String name, DisclosureRequest request, Expectation expectation) {
    public ScenarioCase {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(expectation, "expectation");
    }
}
