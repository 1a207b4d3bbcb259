package nl.doelbinding.server.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The JWS algorithms this server accepts. Everything else is refused, in particular {@code none}
 * and every HMAC algorithm (a public key must never be usable as a shared secret).
 */
enum SignatureAlgorithm {
    RS256("RS256"),
    PS256("PS256"),
    ES256("ES256");

    private final String jwsName;

    SignatureAlgorithm(String jwsName) {
        this.jwsName = jwsName;
    }

    String jwsName() {
        return jwsName;
    }

    /** Exact, case-sensitive match on the header's {@code alg}. */
    static Optional<SignatureAlgorithm> fromHeader(String alg) {
        return Arrays.stream(values()).filter(a -> a.jwsName.equals(alg)).findFirst();
    }
}
