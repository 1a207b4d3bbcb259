package nl.doelbinding.server.persistence;

import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.RulesetRef;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A decision to store.
 *
 * @param decisionId   the decision's id, as in the decision JSON
 * @param requestRowId the stored request it answers ({@link StoredRequest#id()})
 * @param overall      the overall decision
 * @param ruleset      the ruleset version it was made under
 * @param json         the decision as the server's JSON text
 * @param decidedAt    when it was made
 */
public record NewDecision(UUID decisionId, long requestRowId, OverallDecision overall, RulesetRef ruleset,
                          String json, Instant decidedAt) {
    public NewDecision {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(ruleset, "ruleset");
        Objects.requireNonNull(json, "json");
        decidedAt = Jdbc.millis(Objects.requireNonNull(decidedAt, "decidedAt"));
    }
}
