package nl.doelbinding.server.persistence;

/** The outcome of closing an escalation with a review verdict. */
public sealed interface CloseResult {
    /** Closed now by this review. */
    record Closed(StoredEscalation escalation) implements CloseResult {
    }

    /** No escalation has this id (HTTP 404). */
    record NotFound() implements CloseResult {
    }

    /** Someone closed it before (HTTP 409); the stored escalation says who and how. */
    record AlreadyClosed(StoredEscalation escalation) implements CloseResult {
    }
}
