package nl.doelbinding.engine.port;

import java.util.Optional;
import nl.doelbinding.engine.decision.RulesetDecisionEngine;

/**
 * The ruleset version that decides new requests on this node. A request that starts under a version
 * finishes under it: callers take {@link #current()} once per request.
 */
public interface ActiveRuleset {
    /** The active version's engine, or empty when none is active (the server then refuses to decide). */
    Optional<RulesetDecisionEngine> current();
}
