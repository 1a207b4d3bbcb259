package nl.doelbinding.engine.port;

import java.util.Optional;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.decision.RulesetDecisionEngine;

/**
 * The ruleset version that decides new requests on this node. A request that starts under a version
 * finishes under it: callers take {@link #current()} once per request.
 */
public interface ActiveRuleset {
    /** The active version's engine, or empty when none is active (the server then refuses to decide). */
    Optional<RulesetDecisionEngine> current();

    /**
     * The engine of the version a decision was made under, for what follows from that decision (its release
     * package is redacted by that version's catalogue, not by whichever version is active by then). Empty
     * when that version is not available; callers then fail closed.
     */
    default Optional<RulesetDecisionEngine> decidedBy(RulesetRef ref) {
        return current().filter(engine -> engine.reference().equals(ref));
    }
}
