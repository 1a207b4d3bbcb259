package nl.doelbinding.server.identity;

/** The identity provider's signing keys could not be fetched: infrastructure, not the caller's fault. */
public final class SigningKeysUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SigningKeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
