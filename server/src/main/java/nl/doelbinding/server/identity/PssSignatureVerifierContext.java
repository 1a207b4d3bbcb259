package nl.doelbinding.server.identity;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

import org.keycloak.common.VerificationException;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.crypto.SignatureVerifierContext;

/**
 * PS256 with the JDK's own {@code RSASSA-PSS}. keycloak-core's verifier asks for
 * {@code SHA256withRSAandMGF1}, a BouncyCastle name that the JDK lacks, and would then need
 * keycloak-crypto-default and BouncyCastle on the classpath just for this.
 */
final class PssSignatureVerifierContext implements SignatureVerifierContext {

    private static final PSSParameterSpec PS256 =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private final KeyWrapper key;

    PssSignatureVerifierContext(KeyWrapper key) {
        this.key = key;
    }

    @Override
    public String getKid() {
        return key.getKid();
    }

    @Override
    public String getAlgorithm() {
        return key.getAlgorithm();
    }

    @Override
    public boolean verify(byte[] data, byte[] signature) throws VerificationException {
        try {
            Signature verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(PS256);
            verifier.initVerify((PublicKey) key.getPublicKey());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new VerificationException("Signature verification failed", e);
        }
    }
}
