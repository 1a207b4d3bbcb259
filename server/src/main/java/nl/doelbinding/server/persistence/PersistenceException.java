package nl.doelbinding.server.persistence;

/** The database failed: an infrastructure error, turned into a 503 or a dead letter at the edge. */
public class PersistenceException extends RuntimeException {
    public PersistenceException(String message, Throwable cause) {
        super(message, cause);
    }

    public PersistenceException(String message) {
        super(message);
    }
}
