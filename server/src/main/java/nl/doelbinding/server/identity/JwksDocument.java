package nl.doelbinding.server.identity;

import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.ArrayList;
import java.util.List;

import org.keycloak.common.util.Base64Url;
import org.keycloak.crypto.KeyType;
import org.keycloak.jose.jwk.JSONWebKeySet;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.jose.jwk.JWKParser;
import org.keycloak.util.JsonSerialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the signing keys out of a JWKS document (RFC 7517), with keycloak-core's JWK model. */
final class JwksDocument {

    private static final Logger LOG = LoggerFactory.getLogger(JwksDocument.class);

    private JwksDocument() {
    }

    /**
     * The RSA and P-256 EC keys meant for signatures. Keys for encryption and key types this server
     * does not accept are skipped, as is a key that cannot be read (the others stay usable).
     *
     * @throws IOException the document is not a JWKS at all
     */
    static List<SigningKey> parse(String json) throws IOException {
        JSONWebKeySet set = JsonSerialization.readValue(json, JSONWebKeySet.class);
        if (set == null || set.getKeys() == null) {
            throw new IOException("not a JWKS document: no \"keys\"");
        }
        List<SigningKey> keys = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            if (jwk.getKeyId() == null || (jwk.getPublicKeyUse() != null && !"sig".equals(jwk.getPublicKeyUse()))) {
                continue;
            }
            try {
                if (KeyType.RSA.equals(jwk.getKeyType())) {
                    PublicKey key = JWKParser.create(jwk).toPublicKey();
                    keys.add(new SigningKey(jwk.getKeyId(), KeyType.RSA, jwk.getAlgorithm(), null, key));
                } else if (KeyType.EC.equals(jwk.getKeyType()) && "P-256".equals(jwk.getOtherClaim("crv", String.class))) {
                    keys.add(new SigningKey(jwk.getKeyId(), KeyType.EC, jwk.getAlgorithm(), "P-256", p256(jwk)));
                } else {
                    LOG.debug("Skipping JWK {} of type {}: not an accepted signing key type", jwk.getKeyId(), jwk.getKeyType());
                }
            } catch (RuntimeException | GeneralSecurityException e) {
                LOG.warn("Skipping unreadable JWK {}: {}", jwk.getKeyId(), e.toString());
            }
        }
        return keys;
    }

    // keycloak-core's JWKParser builds EC keys through CryptoIntegration, which needs
    // keycloak-crypto-default and BouncyCastle; the JDK knows P-256 itself.
    private static PublicKey p256(JWK jwk) throws GeneralSecurityException {
        String x = jwk.getOtherClaim("x", String.class);
        String y = jwk.getOtherClaim("y", String.class);
        if (x == null || y == null) {
            throw new GeneralSecurityException("EC JWK without x or y");
        }
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(new BigInteger(1, Base64Url.decode(x)), new BigInteger(1, Base64Url.decode(y)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve));
    }
}
