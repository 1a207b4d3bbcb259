package nl.doelbinding.engine.model;

/** The decision on a request as a whole, derived from its field outcomes and request-level rules. */
public enum OverallDecision {
    /** Every field released in some form. */
    RELEASED,
    /** Some fields rejected, the rest released. */
    PARTIALLY_RELEASED,
    /** At least one field awaits human legal review. */
    ESCALATED,
    /** A request-level rule refused it, or every field is rejected. */
    REJECTED
}
