package nl.doelbinding.engine;

import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;

/**
 * The decision port: one request in, one decision out. Implementations never throw on a policy
 * question and never release anything in doubt: a failure to evaluate is a {@code REJECTED} decision.
 */
public interface DecisionEngine {
    Decision decide(DisclosureRequest request);
}
