package nl.doelbinding.server.identity;

import java.security.PublicKey;
import java.util.Objects;

import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.SignatureVerifierContext;

/**
 * One public signing key from the realm JWKS.
 *
 * @param kid          key id
 * @param keyType      {@code RSA} or {@code EC}
 * @param declaredAlg  the JWK's {@code alg}, or null when the JWK does not restrict it
 * @param curve        the EC curve ({@code P-256}), null for RSA
 * @param publicKey    the key
 */
record SigningKey(String kid, String keyType, String declaredAlg, String curve, PublicKey publicKey) {

    SigningKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /**
     * Whether this key may verify a signature made with {@code alg}: the key type must fit the
     * algorithm, and a JWK that names its algorithm is used for that algorithm only.
     */
    boolean supports(SignatureAlgorithm alg) {
        if (declaredAlg != null && !declaredAlg.equals(alg.jwsName())) {
            return false;
        }
        return switch (alg) {
            case RS256, PS256 -> KeyType.RSA.equals(keyType);
            case ES256 -> KeyType.EC.equals(keyType) && "P-256".equals(curve);
        };
    }

    /**
     * A verifier for {@code alg} with this key. The algorithm is the one checked against the
     * allow-list and {@link #supports}, never taken from the key or the token unchecked.
     */
    SignatureVerifierContext verifierFor(SignatureAlgorithm alg) {
        if (!supports(alg)) {
            throw new IllegalArgumentException("key " + kid + " does not support " + alg);
        }
        return new JdkSignatureVerifierContext(kid, alg, publicKey);
    }
}
