package nl.doelbinding.server.persistence;

/** Where a stored request is in the flow. Stored by name; never rename a constant. */
public enum RequestStatus {
    /** Durable, not yet decided (or deciding failed: a replay decides it again). */
    RECEIVED,
    /** Decided; the final decision is in the decision store. */
    DECIDED,
    /** Decided as ESCALATED; awaiting a human review. */
    ESCALATED
}
