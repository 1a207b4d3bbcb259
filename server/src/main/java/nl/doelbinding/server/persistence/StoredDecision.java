package nl.doelbinding.server.persistence;

import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.RulesetRef;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A decision as stored.
 *
 * @param decisionId   the decision's id
 * @param requestRowId the stored request it answers
 * @param overall      the overall decision
 * @param ruleset      the ruleset version it was made under
 * @param json         the decision JSON text
 * @param decidedAt    when it was made
 * @param current      true for the request's final decision, false once a later one (a review) superseded it
 * @param supersededBy the decision that superseded this one
 */
public record StoredDecision(UUID decisionId, long requestRowId, OverallDecision overall, RulesetRef ruleset,
                             String json, Instant decidedAt, boolean current, Optional<UUID> supersededBy) {
}
