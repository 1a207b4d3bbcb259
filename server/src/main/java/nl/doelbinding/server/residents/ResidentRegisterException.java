package nl.doelbinding.server.residents;

/**
 * The resident register could not be read or loaded (database down, table or column missing, a
 * V-number held twice). Infrastructure, not a policy result: the edge turns it into a 503 or a dead
 * letter. Messages never carry field values or V-numbers.
 */
public final class ResidentRegisterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ResidentRegisterException(String message) {
        super(message);
    }

    public ResidentRegisterException(String message, Throwable cause) {
        super(message, cause);
    }
}
