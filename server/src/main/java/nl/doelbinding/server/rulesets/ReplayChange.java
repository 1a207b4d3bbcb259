package nl.doelbinding.server.rulesets;

import java.util.Optional;

/**
 * One field of a stored request that a replay decides differently: another outcome or another deciding rule.
 * A request that the replayed version's catalogue no longer accepts is one change with field {@code *} and
 * after-outcome {@code INVALID}.
 *
 * @param requestId     the requester's request id
 * @param purpose       the request's purpose
 * @param field         the field
 * @param beforeOutcome the outcome the engine gave when the request was decided
 * @param afterOutcome  the outcome under the replayed version
 * @param beforeRule    the rule that decided the field then
 * @param afterRule     the rule that decides it under the replayed version
 */
public record ReplayChange(String requestId, String purpose, String field, String beforeOutcome,
                           String afterOutcome, Optional<String> beforeRule, Optional<String> afterRule) {
    /** True when the outcome itself changes (not only the rule that gives it). */
    public boolean outcomeChanged() {
        return !beforeOutcome.equals(afterOutcome);
    }
}
