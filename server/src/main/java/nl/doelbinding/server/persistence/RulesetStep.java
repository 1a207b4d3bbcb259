package nl.doelbinding.server.persistence;

/** A step in a ruleset version's history. Stored by name; never rename a constant. */
public enum RulesetStep {
    /** Stored as a draft. */
    UPLOADED,
    /** Its compile, safety, scenario, coverage and invariant checks were recorded. */
    VALIDATED,
    /** Approved by someone other than its author. */
    APPROVED,
    /** Made the active version. */
    ACTIVATED,
    /** Stopped being the active version (superseded or rolled back). */
    RETIRED
}
