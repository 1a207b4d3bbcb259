package nl.doelbinding.engine.ruleset;

import java.util.List;
import java.util.Optional;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.RuleId;

/**
 * A ruleset compiled and validated, ready to evaluate requests. Immutable and safe to share between
 * threads; identified by the SHA-256 of its source.
 */
public interface CompiledRuleset {
    RulesetSource source();

    default String sha256() {
        return source().sha256();
    }

    RulesetManifest manifest();

    Catalogue catalogue();

    /** Every rule, in ruleset order. */
    List<RuleInfo> rules();

    default Optional<RuleInfo> rule(RuleId id) {
        return rules().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * What the request-level conditions compare the subject count and the requester's unit with, so that
     * a verifier can enumerate every distinct request (see {@link RequestConditions}).
     */
    default RequestConditions requestConditions() {
        return RequestConditions.assumed(catalogue().policy());
    }

    /**
     * Evaluates the rules on one request. Deterministic and side-effect free.
     *
     * @throws RuntimeException when evaluation fails; callers fail closed
     */
    Evaluation evaluate(DisclosureRequest request);
}
