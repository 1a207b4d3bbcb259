package nl.doelbinding.server.persistence;

/**
 * The transaction lost a race (serialisation failure, deadlock, lock timeout, concurrent insert of the same
 * key) and was rolled back; running the whole unit of work again may succeed. {@link Transactions} does so.
 */
public class TransientPersistenceException extends PersistenceException {
    public TransientPersistenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
