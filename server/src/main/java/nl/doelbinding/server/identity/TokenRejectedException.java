package nl.doelbinding.server.identity;

import java.util.Objects;

/**
 * A token was refused. {@link #safeReason()} may be shown to the caller (a 401 problem detail):
 * it never contains token contents.
 */
public final class TokenRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a token was refused; {@link #text()} is the safe reason string. */
    public enum Reason {
        MALFORMED("malformed token"),
        ALGORITHM_NOT_ALLOWED("algorithm not allowed"),
        UNKNOWN_SIGNING_KEY("unknown signing key"),
        INVALID_SIGNATURE("invalid signature"),
        NOT_AN_ACCESS_TOKEN("not an access token"),
        WRONG_ISSUER("wrong issuer"),
        WRONG_AUDIENCE("wrong audience"),
        EXPIRED("token expired"),
        NOT_YET_VALID("token not yet valid"),
        MISSING_CLAIM("missing required claim");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final Reason reason;

    public TokenRejectedException(Reason reason) {
        this(reason, null);
    }

    private TokenRejectedException(Reason reason, String claim) {
        super(claim == null ? reason.text() : reason.text() + ": " + claim, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** A required claim is absent or empty; the claim's name (not its value) is part of the reason. */
    public static TokenRejectedException missingClaim(String claimName) {
        return new TokenRejectedException(Reason.MISSING_CLAIM, claimName);
    }

    public Reason reason() {
        return reason;
    }

    /** The reason as it may be told to the caller, e.g. {@code "token expired"}. */
    public String safeReason() {
        return getMessage();
    }
}
