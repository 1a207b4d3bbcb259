package nl.doelbinding.server.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Makes real, soon-expiring tokens: through Keycloak's admin API, a copy of a police client (same mappers, so the
 * same audience and unit) whose access tokens live a given number of seconds. Tests that need an expired token
 * from the real issuer wait out that lifetime.
 */
public final class ShortLivedClients {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final KeycloakServer keycloak;

    public ShortLivedClients(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    /** Creates client {@code clientId} (secret {@code secret}) as a copy of {@code template}; idempotent. */
    public void copy(String template, String clientId, String secret, int tokenLifespanSeconds)
            throws IOException, InterruptedException {
        String admin = adminToken();
        String clients = keycloak.baseUrl() + "/admin/realms/doelbinding/clients";
        if (!JSON.readTree(get(clients + "?clientId=" + clientId, admin)).isEmpty()) {
            return;
        }
        ObjectNode client = (ObjectNode) JSON.readTree(get(clients + "?clientId=" + template, admin)).get(0);
        client.remove("id");
        client.put("clientId", clientId);
        client.put("secret", secret);
        client.withObject("attributes").put("access.token.lifespan", String.valueOf(tokenLifespanSeconds));
        if (client.get("protocolMappers") instanceof ArrayNode mappers) {
            mappers.forEach(m -> ((ObjectNode) m).remove("id"));
        }
        send(HttpRequest.newBuilder(URI.create(clients)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(client.toString())));
        // The copy's service account needs the template's realm roles.
        String users = keycloak.baseUrl() + "/admin/realms/doelbinding/users?username=";
        String templateUser = JSON.readTree(get(users + "service-account-" + template, admin)).get(0).path("id").asText();
        String copyUser = JSON.readTree(get(users + "service-account-" + clientId, admin)).get(0).path("id").asText();
        String roles = get(keycloak.baseUrl() + "/admin/realms/doelbinding/users/" + templateUser
                + "/role-mappings/realm", admin);
        send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/doelbinding/users/" + copyUser
                        + "/role-mappings/realm")).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(roles)));
        // ... and its attributes (the unit the server requires of a requester).
        String userUrl = keycloak.baseUrl() + "/admin/realms/doelbinding/users/";
        ObjectNode copy = (ObjectNode) JSON.readTree(get(userUrl + copyUser, admin));
        copy.set("attributes", JSON.readTree(get(userUrl + templateUser, admin)).path("attributes"));
        send(HttpRequest.newBuilder(URI.create(userUrl + copyUser)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(copy.toString())));
    }

    private String adminToken() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode("kcadmin", StandardCharsets.UTF_8)
                + "&password=kcadmin";
        String body = send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl()
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        JsonNode token = JSON.readTree(body);
        return token.path("access_token").asText();
    }

    private String get(String url, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET());
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("Keycloak admin API answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
