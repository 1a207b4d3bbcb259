package nl.doelbinding.routes.flow;

import java.util.Objects;
import nl.doelbinding.engine.port.StoredDecision;

/**
 * The answer to a submitted request.
 *
 * @param stored the recorded decision
 * @param replay true when the same request had been decided before and nothing new was recorded
 */
public record DecisionOutcome(StoredDecision stored, boolean replay) {
    public DecisionOutcome {
        Objects.requireNonNull(stored, "stored");
    }
}
