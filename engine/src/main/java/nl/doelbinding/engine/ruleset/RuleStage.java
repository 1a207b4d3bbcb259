package nl.doelbinding.engine.ruleset;

/** The stage a rule belongs to: request-level rules decide the whole request, field rules one field. */
public enum RuleStage {
    REQUEST,
    FIELD
}
