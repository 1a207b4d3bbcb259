package nl.doelbinding.server.persistence;

/** Whether an escalation awaits review. Stored by name; never rename a constant. */
public enum EscalationStatus {
    OPEN,
    CLOSED
}
