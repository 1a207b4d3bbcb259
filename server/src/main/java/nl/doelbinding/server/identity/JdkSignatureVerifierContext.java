package nl.doelbinding.server.identity;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;

import org.keycloak.common.VerificationException;
import org.keycloak.crypto.SignatureVerifierContext;

/**
 * Checks a JWS signature with the JDK's own providers. keycloak-core's verifier contexts route
 * PS256 and ES256 through its {@code CryptoIntegration}, which needs keycloak-crypto-default,
 * BouncyCastle and jboss-logging on the classpath; the JDK does all three algorithms itself.
 */
final class JdkSignatureVerifierContext implements SignatureVerifierContext {

    private final String kid;
    private final SignatureAlgorithm algorithm;
    private final PublicKey key;

    JdkSignatureVerifierContext(String kid, SignatureAlgorithm algorithm, PublicKey key) {
        this.kid = kid;
        this.algorithm = algorithm;
        this.key = key;
    }

    @Override
    public String getKid() {
        return kid;
    }

    @Override
    public String getAlgorithm() {
        return algorithm.jwsName();
    }

    @Override
    public boolean verify(byte[] data, byte[] signature) throws VerificationException {
        try {
            Signature verifier = algorithm.newJdkSignature();
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new VerificationException("signature check failed", e);
        }
    }
}
