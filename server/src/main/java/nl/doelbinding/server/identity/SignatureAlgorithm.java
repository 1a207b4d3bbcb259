package nl.doelbinding.server.identity;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Optional;

/**
 * The JWS algorithms this server accepts. Everything else is refused, in particular {@code none}
 * and every HMAC algorithm (a public key must never be usable as a shared secret).
 */
enum SignatureAlgorithm {
    RS256("RS256", "SHA256withRSA"),
    PS256("PS256", "RSASSA-PSS"),
    /** JWS carries ECDSA signatures as R||S (IEEE P1363), not DER. */
    ES256("ES256", "SHA256withECDSAinP1363Format");

    private static final PSSParameterSpec PSS_SHA256 =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private final String jwsName;
    private final String jdkName;

    SignatureAlgorithm(String jwsName, String jdkName) {
        this.jwsName = jwsName;
        this.jdkName = jdkName;
    }

    String jwsName() {
        return jwsName;
    }

    /** A fresh JDK {@link Signature} for this algorithm (they are not thread-safe). */
    Signature newJdkSignature() throws GeneralSecurityException {
        Signature signature = Signature.getInstance(jdkName);
        if (this == PS256) {
            signature.setParameter(PSS_SHA256);
        }
        return signature;
    }

    /** Exact, case-sensitive match on the header's {@code alg}. */
    static Optional<SignatureAlgorithm> fromHeader(String alg) {
        return Arrays.stream(values()).filter(a -> a.jwsName.equals(alg)).findFirst();
    }
}
