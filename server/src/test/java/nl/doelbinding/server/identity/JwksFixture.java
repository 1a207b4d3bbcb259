package nl.doelbinding.server.identity;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** A JWKS endpoint on a free loopback port, serving whatever keys the test puts in, counting fetches. */
final class JwksFixture implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final List<Map<String, Object>> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile int status = 200;

    JwksFixture() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body = JSON.writeValueAsBytes(Map.of("keys", new ArrayList<>(keys)));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                if (status == 200) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/certs");
    }

    int fetches() {
        return fetches.get();
    }

    void answer(int httpStatus) {
        this.status = httpStatus;
    }

    /** Publishes a signing key; {@code alg} may be null (a JWK that does not restrict its algorithm). */
    JwksFixture publish(String kid, String alg, PublicKey key) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        if (alg != null) {
            jwk.put("alg", alg);
        }
        if (key instanceof RSAPublicKey rsa) {
            jwk.put("kty", "RSA");
            jwk.put("n", unsigned(rsa.getModulus()));
            jwk.put("e", unsigned(rsa.getPublicExponent()));
        } else if (key instanceof ECPublicKey ec) {
            jwk.put("kty", "EC");
            jwk.put("crv", "P-256");
            jwk.put("x", coordinate(ec.getW().getAffineX()));
            jwk.put("y", coordinate(ec.getW().getAffineY()));
        } else {
            throw new IllegalArgumentException("unsupported key " + key.getAlgorithm());
        }
        keys.add(jwk);
        return this;
    }

    /** Publishes a raw JWK as is, e.g. an encryption key or a key type the verifier does not accept. */
    JwksFixture publishRaw(Map<String, Object> jwk) {
        keys.add(jwk);
        return this;
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return B64.encodeToString(bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
        return B64.encodeToString(fixed);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
