package nl.doelbinding.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The launcher itself: a second Keycloak beside the shared one, on its own database, stopped on close. */
@ExtendWith(RealKeycloak.class)
class KeycloakServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aSecondRunStartsOnItsOwnCleanDatabaseAndStopsOnClose(KeycloakServer shared) throws Exception {
        KeycloakServer.Settings settings = shared.settings().withFreePorts()
                .withLogFile(shared.logFile().resolveSibling("keycloak-second.log"));
        KeycloakServer second = KeycloakServer.start(settings);
        try {
            System.out.printf("Second Keycloak ready in %d ms%n", second.startDuration().toMillis());
            assertThat(second.startDuration()).isLessThan(settings.startTimeout());

            int created = http.send(HttpRequest.newBuilder(URI.create(second.baseUrl() + "/admin/realms/doelbinding/users"))
                    .header("Authorization", "Bearer " + adminToken(second))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"only-in-second\",\"enabled\":true}")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();

            assertThat(created).isEqualTo(201);
            assertThat(usersNamed(second, "only-in-second")).isEqualTo(1);
            assertThat(usersNamed(shared, "only-in-second")).isZero();
            assertThat(usersNamed(shared, "auditor")).isEqualTo(1);
        } finally {
            second.close();
        }

        assertThat(second.isRunning()).isFalse();
        assertThat(shared.isRunning()).isTrue();
        assertThat(portIsFree(settings.httpPort())).isTrue();
        assertThat(portIsFree(settings.managementPort())).isTrue();
        assertThat(Files.exists(settings.logFile())).isTrue();
        assertThat(Files.readString(settings.logFile())).contains("Keycloak stopped");
    }

    private int usersNamed(KeycloakServer keycloak, String username) throws Exception {
        URI uri = URI.create(keycloak.baseUrl() + "/admin/realms/doelbinding/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + adminToken(keycloak)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).size();
    }

    private String adminToken(KeycloakServer keycloak) throws Exception {
        KeycloakServer.Settings s = keycloak.settings();
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(s.adminUser(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(s.adminPassword(), StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("admin token").isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.isBound();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
