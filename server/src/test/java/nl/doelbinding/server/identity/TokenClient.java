package nl.doelbinding.server.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Obtains real tokens from Keycloak's token endpoint, as a police system or the CLI would. */
public final class TokenClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;

    public TokenClient(URI tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    /** Client-credentials grant, as a police system's service account. */
    public String clientCredentials(String clientId, String secret) throws IOException, InterruptedException {
        return post(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .path("access_token").asText();
    }

    /** Resource-owner password grant through the public {@code console} client (development realm only). */
    public String password(String username, String password) throws IOException, InterruptedException {
        return post(Map.of("grant_type", "password", "client_id", "console", "username", username, "password", password,
                "scope", "openid")).path("access_token").asText();
    }

    /** The whole token response, for tests that need the refresh or ID token too. */
    public JsonNode passwordResponse(String username, String password) throws IOException, InterruptedException {
        return post(Map.of("grant_type", "password", "client_id", "console", "username", username, "password", password,
                "scope", "openid"));
    }

    private JsonNode post(Map<String, String> form) throws IOException, InterruptedException {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            // The error body names the OAuth error, not a credential.
            throw new IOException("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
