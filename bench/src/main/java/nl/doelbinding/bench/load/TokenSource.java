package nl.doelbinding.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A real access token from Keycloak's token endpoint (client-credentials grant, as a police system's service
 * account), renewed in the background when two thirds of its lifetime have passed, so a long run never sends
 * an expired token.
 */
final class TokenSource implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final Map<String, String> form;
    private final ScheduledExecutorService renewer;
    private final AtomicInteger renewals = new AtomicInteger();
    private volatile String header;

    private TokenSource(URI tokenEndpoint, Map<String, String> form) {
        this.tokenEndpoint = tokenEndpoint;
        this.form = form;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "token-renewer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Client credentials of a confidential client. */
    static TokenSource clientCredentials(URI tokenEndpoint, String clientId, String secret)
            throws IOException, InterruptedException {
        TokenSource source = new TokenSource(tokenEndpoint, Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret));
        source.renew();
        return source;
    }

    /** A person's token through the public {@code console} client (direct grant; development realm only). */
    static String password(URI tokenEndpoint, String user, String password) throws IOException, InterruptedException {
        TokenSource source = new TokenSource(tokenEndpoint, Map.of("grant_type", "password", "client_id", "console",
                "username", user, "password", password, "scope", "openid"));
        try {
            source.fetch();
            return source.header;
        } finally {
            source.close();
        }
    }

    /** {@code Bearer <token>}, always one that is valid for at least a third of its lifetime. */
    String authorization() {
        return header;
    }

    int renewals() {
        return renewals.get();
    }

    private void renew() throws IOException, InterruptedException {
        long lifetime = fetch();
        long delay = Math.max(5, lifetime * 2 / 3);
        renewer.schedule(() -> {
            try {
                renew();
                renewals.incrementAndGet();
            } catch (IOException | InterruptedException e) {
                System.err.println("token renewal failed (" + e.getClass().getSimpleName()
                        + "); retrying in 5 s");
                renewer.schedule(this::retry, 5, TimeUnit.SECONDS);
            }
        }, delay, TimeUnit.SECONDS);
    }

    private void retry() {
        try {
            renew();
            renewals.incrementAndGet();
        } catch (IOException | InterruptedException e) {
            renewer.schedule(this::retry, 5, TimeUnit.SECONDS);
        }
    }

    /** Fetches a token and returns its lifetime in seconds. */
    private long fetch() throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode token = JSON.readTree(response.body());
        String access = token.path("access_token").asText("");
        if (access.isEmpty()) {
            throw new IOException("the token endpoint's answer has no access_token");
        }
        header = "Bearer " + access;
        return token.path("expires_in").asLong(60);
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
