package nl.doelbinding.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Logs a person in through their browser (OAuth 2.0 device authorization grant, RFC 8628) with the public
 * {@code console} client: the command prints a URL and a code, the person opens it, logs in to Keycloak (with
 * whatever Keycloak asks: password, second factor) and grants access, and meanwhile the command polls the token
 * endpoint. No password passes through the command line, its history or the process list. The client requires
 * PKCE (RFC 7636) in every flow: the authorization request carries the challenge, each poll the verifier, so a
 * stolen device code alone is worth nothing.
 */
final class DeviceLogin {
    static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:device_code";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** RFC 8628 section 3.5: poll every 5 s unless the server says otherwise, 5 s more after each slow_down. */
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    private static final Duration SLOW_DOWN = Duration.ofSeconds(5);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final HttpClient http;
    private final String realm;
    private final String clientId;

    /** @param realm the realm's URL, such as {@code http://127.0.0.1:8180/realms/doelbinding} */
    DeviceLogin(HttpClient http, String realm, String clientId) {
        this.http = http;
        this.realm = realm.replaceAll("/+$", "");
        this.clientId = clientId;
    }

    /** Prints where to log in on {@code prompt} and returns the access token once the person has granted it. */
    String accessToken(PrintWriter prompt) throws IOException, InterruptedException {
        String verifier = verifier();
        HttpResponse<String> started = post("/protocol/openid-connect/auth/device", Map.of("client_id", clientId,
                "scope", "openid", "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        if (started.statusCode() != 200) {
            throw new IOException("Keycloak refused to start a browser login (" + started.statusCode() + "): "
                    + started.body());
        }
        JsonNode authorization = json(started);
        String deviceCode = authorization.path("device_code").asText();
        prompt.println("To log in, open " + authorization.path("verification_uri_complete").asText()
                + "\n  (or " + authorization.path("verification_uri").asText() + " and enter the code "
                + authorization.path("user_code").asText() + ")");
        prompt.flush();
        Duration interval = authorization.hasNonNull("interval")
                ? Duration.ofSeconds(authorization.path("interval").asLong()) : DEFAULT_INTERVAL;
        long deadline = System.nanoTime() + Duration.ofSeconds(authorization.path("expires_in").asLong(600)).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(interval.toMillis());
            HttpResponse<String> polled = post("/protocol/openid-connect/token", Map.of("grant_type", GRANT_TYPE,
                    "device_code", deviceCode, "client_id", clientId, "code_verifier", verifier));
            JsonNode answer = json(polled);
            if (polled.statusCode() == 200 && !answer.path("access_token").asText().isEmpty()) {
                return answer.path("access_token").asText();
            }
            switch (answer.path("error").asText()) {
                case "authorization_pending" -> {
                    // the person has not finished yet
                }
                case "slow_down" -> interval = interval.plus(SLOW_DOWN);
                case "access_denied" -> throw new IOException("the login was refused in the browser");
                case "expired_token" -> throw new IOException("the code expired before the login was completed");
                default -> throw new IOException("Keycloak refused the login (" + polled.statusCode() + "): "
                        + polled.body());
            }
        }
        throw new IOException("the code expired before the login was completed");
    }

    /** The answer as JSON; an answer that is not (a proxy's error page, say) is an error that shows it. */
    private static JsonNode json(HttpResponse<String> answer) throws IOException {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IOException("Keycloak's answer (" + answer.statusCode() + ") is not JSON: " + answer.body(), e);
        }
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(realm + path))
                .header("Content-Type", FormBody.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(FormBody.of(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String verifier() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return BASE64URL.encodeToString(random);
    }

    static String challenge(String verifier) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
