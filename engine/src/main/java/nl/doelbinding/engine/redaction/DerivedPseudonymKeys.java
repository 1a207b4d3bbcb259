package nl.doelbinding.engine.redaction;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives a key per unit and case from one master secret: {@code HMAC-SHA-256(master, "doelbinding/pseudonym/v1" 0
 * unit 0 case)}. The master secret comes from a key file or a KMS; it never leaves the holder.
 */
public final class DerivedPseudonymKeys implements PseudonymKeys {
    private static final String CONTEXT = "doelbinding/pseudonym/v1";
    private final byte[] master;

    public DerivedPseudonymKeys(byte[] master) {
        if (master.length < 32) {
            throw new IllegalArgumentException("the pseudonym master key must be at least 256 bits");
        }
        this.master = master.clone();
    }

    @Override
    public byte[] keyFor(String unit, String caseReference) {
        return Hmac.sha256(master, CONTEXT + '\0' + unit + '\0' + caseReference);
    }

    /** HMAC-SHA-256 over UTF-8 text. */
    static final class Hmac {
        private Hmac() {
        }

        static byte[] sha256(byte[] key, String text) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException | InvalidKeyException e) {
                throw new IllegalStateException("HMAC-SHA-256 is not available", e);
            }
        }
    }

    @Override
    public String toString() {
        return "DerivedPseudonymKeys[master hidden]";
    }
}
