package nl.doelbinding.server.it;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tokens no honest issuer makes, derived from a real token of the test Keycloak: a changed payload under
 * the original signature, {@code alg: none}, HMAC signatures, an unknown key id.
 */
final class ForgedTokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /** The forgeries tried against the running server. */
    enum Forgery { GARBAGE, UNIT_TAMPERED, ROLE_ADDED, ALG_NONE, HS256_MADE_UP_KEY, HS256_REALM_KEY_DER,
        HS256_REALM_KEY_PEM, UNKNOWN_KID, REFRESH_TOKEN, ID_TOKEN }

    private ForgedTokens() {
    }

    /** A forged token, made from a real police-demo token (or, for refresh and ID tokens, a real auditor login). */
    static String forge(Forgery forgery, RunningServer it) throws IOException, InterruptedException {
        String real = it.tokens.of(Caller.POLICE_DEMO);
        return switch (forgery) {
            case GARBAGE -> "not.a-token.at-all";
            case UNIT_TAMPERED -> tamperedPayload(real, p -> p.put("unit", "Andere-Eenheid"));
            case ROLE_ADDED -> tamperedPayload(real, p -> ((ArrayNode) p.path("realm_access").path("roles")).add("auditor"));
            case ALG_NONE -> algNone(real);
            case HS256_MADE_UP_KEY -> hs256(real, "a-key-made-up-by-the-attacker-32b".getBytes(StandardCharsets.US_ASCII));
            case HS256_REALM_KEY_DER -> hs256(real, realmPublicKeyDer(it.keycloak.jwksUri(), real));
            case HS256_REALM_KEY_PEM -> hs256(real, pem(realmPublicKeyDer(it.keycloak.jwksUri(), real)));
            case UNKNOWN_KID -> unknownKid(real);
            case REFRESH_TOKEN -> it.tokens.passwordResponse(Caller.AUDITOR).path("refresh_token").asText();
            case ID_TOKEN -> it.tokens.passwordResponse(Caller.AUDITOR).path("id_token").asText();
        };
    }

    static ObjectNode header(String token) {
        return (ObjectNode) read(token.split("\\.")[0]);
    }

    static ObjectNode payload(String token) {
        return (ObjectNode) read(token.split("\\.")[1]);
    }

    /** The payload changed as {@code change} says, the header and signature kept. */
    static String tamperedPayload(String token, Consumer<ObjectNode> change) {
        String[] parts = token.split("\\.");
        ObjectNode payload = payload(token);
        change.accept(payload);
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    /** The real payload under {@code {"alg":"none"}} with an empty signature. */
    static String algNone(String token) {
        ObjectNode header = Api.JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        return encode(header) + "." + token.split("\\.")[1] + ".";
    }

    /** The real payload, signed with HS256 under {@code secret}, keeping the real key id. */
    static String hs256(String token, byte[] secret) {
        ObjectNode header = header(token).put("alg", "HS256");
        String signingInput = encode(header) + "." + token.split("\\.")[1];
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real token with its header's key id replaced (the signature no longer matters). */
    static String unknownKid(String token) {
        String[] parts = token.split("\\.");
        return encode(header(token).put("kid", "kid-that-the-realm-never-issued")) + "." + parts[1] + "." + parts[2];
    }

    /** The realm's public RSA key for {@code token}'s key id, X.509 DER encoded, as published in its JWKS. */
    static byte[] realmPublicKeyDer(URI jwksUri, String token) throws IOException, InterruptedException {
        String kid = header(token).path("kid").asText();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(jwksUri).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode key : Api.JSON.readTree(response.body()).path("keys")) {
            if (key.path("kid").asText().equals(kid) && key.path("kty").asText().equals("RSA")) {
                try {
                    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                            new BigInteger(1, DECODE.decode(key.path("n").asText())),
                            new BigInteger(1, DECODE.decode(key.path("e").asText())))).getEncoded();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("the realm JWKS has no RSA key " + kid);
    }

    /** The same key as a PEM text, the other form an HMAC-confusion attack tries. */
    static byte[] pem(byte[] der) {
        return ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static JsonNode read(String part) {
        try {
            return Api.JSON.readTree(DECODE.decode(part));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT part", e);
        }
    }

    private static String encode(JsonNode node) {
        return B64.encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }
}
