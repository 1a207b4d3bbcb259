package nl.doelbinding.engine.model;

import java.util.Objects;

/**
 * One rule that fired, with what it decided and why.
 *
 * @param rule        the rule's stable id
 * @param outcome     what it decided
 * @param citation    the legal provision(s) it rests on
 * @param explanation one sentence in plain language
 */
public record RuleHit(RuleId rule, FieldOutcome outcome, String citation, String explanation) {
    public RuleHit {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(explanation, "explanation");
    }
}
