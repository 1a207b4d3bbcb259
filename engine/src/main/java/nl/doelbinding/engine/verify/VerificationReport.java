package nl.doelbinding.engine.verify;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import nl.doelbinding.engine.ruleset.RuleInfo;

/**
 * The result of verifying a ruleset's invariants over its whole decision space.
 *
 * @param sha256           the ruleset verified
 * @param space            how the space is made up, in one line
 * @param oneFieldRequests how many one-field requests were decided
 * @param evaluations      how many requests the engine decided in all (one-field plus cross-check)
 * @param results          per invariant, in the order given
 * @param deadRules        rules that fire on no request of the space
 * @param shadowedRules    rules that fire but decide no field anywhere (another rule always wins)
 * @param problems         why the enumeration would not be a proof (conditions it cannot cover, a failed
 *                         independence cross-check, evaluation errors); empty when it is one
 * @param duration         how long the verification took
 */
public record VerificationReport(String sha256, String space, long oneFieldRequests, long evaluations,
                                 List<InvariantResult> results, List<RuleInfo> deadRules,
                                 List<RuleInfo> shadowedRules, List<String> problems, Duration duration) {
    public VerificationReport {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(space, "space");
        results = List.copyOf(results);
        deadRules = List.copyOf(deadRules);
        shadowedRules = List.copyOf(shadowedRules);
        problems = List.copyOf(problems);
        Objects.requireNonNull(duration, "duration");
    }

    public long passed() {
        return results.stream().filter(InvariantResult::holds).count();
    }

    public long failed() {
        return results.size() - passed();
    }

    /** True when every invariant is proven and the enumeration is a proof. */
    public boolean holds() {
        return failed() == 0 && problems.isEmpty();
    }

    /** The violations, in the order given. */
    public List<InvariantResult.Violated> violations() {
        return results.stream().filter(r -> r instanceof InvariantResult.Violated)
                .map(r -> (InvariantResult.Violated) r).toList();
    }

    /** {@code N passed, N failed}. */
    public String summary() {
        return passed() + " passed, " + failed() + " failed";
    }
}
