package nl.doelbinding.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.doelbinding.server.identity.KeycloakServer;
import nl.doelbinding.server.identity.RealKeycloak;
import nl.doelbinding.server.identity.TokenClient;
import nl.doelbinding.server.persistence.DatabaseConfig;
import nl.doelbinding.server.persistence.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's crash acceptance: the server process is killed with SIGKILL while requests are in flight;
 * after a restart every request that got an answer is still there with the same decision and exactly
 * one audit record, and the audit chain verifies; altering one audit row makes verification fail at
 * that row (PostgreSQL, so that the test can alter a row while the server runs). The same kill on the
 * embedded H2 database, the default.
 */
@ExtendWith(RealKeycloak.class)
class CrashRecoveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void answeredRequestsSurviveAKillAndTheChainStillVerifies(KeycloakServer keycloak) throws Exception {
        DatabaseConfig database = TestDatabases.postgres("crash_it");
        String databaseYaml = "database: { url: \"%s\", user: \"%s\", password: \"%s\", poolSize: 8 }"
                .formatted(database.jdbcUrl(), database.user(), database.password());

        killAndRestart(keycloak, databaseYaml, (second, auditor) -> {
            long victim = 10;
            try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                 Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE audit_records SET actor = 'someone-else' WHERE seq = " + victim);
            }
            JsonNode broken = JSON.readTree(get(second.baseUrl() + "/api/v1/audit/verify", auditor).body());
            assertThat(broken.path("valid").asBoolean()).isFalse();
            assertThat(broken.path("firstBrokenSeq").asLong()).isEqualTo(victim);
        });
    }

    /**
     * The embedded default: H2 writes committed changes to its file in the background, so without a checkpoint
     * after each commit the answers of the last moment before a kill were lost (found by this test).
     */
    @Test
    void answeredRequestsSurviveAKillOnTheEmbeddedDatabase(KeycloakServer keycloak) throws Exception {
        killAndRestart(keycloak, "", (second, auditor) -> { });
    }

    /** What to check on the restarted server, after the survivors and the chain were checked. */
    @FunctionalInterface
    private interface AfterRestart {
        void check(ServerProcess second, String auditorToken) throws Exception;
    }

    private void killAndRestart(KeycloakServer keycloak, String databaseYaml, AfterRestart then) throws Exception {
        int port = freePort();
        Path config = dir.resolve("server.yaml");
        Files.writeString(config, """
                dataDir: %s
                http: { port: %d }
                broker: { port: %d }
                %s
                keycloak: { issuer: "%s", jwksUri: "%s" }
                """.formatted(dir.resolve("data"), port, freePort(), databaseYaml,
                keycloak.issuer(), keycloak.jwksUri()));
        Path log = dir.resolve("server.log");
        TokenClient tokens = new TokenClient(keycloak.tokenEndpoint());
        String police = tokens.clientCredentials("police-demo", "police-demo-secret");
        String auditor = tokens.password("auditor", "demo");

        Map<String, String> answered = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        try (ServerProcess first = ServerProcess.start(config, log, port)) {
            ExecutorService clients = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                int worker = t;
                clients.submit(() -> {
                    for (int i = 0; i < 400; i++) {
                        String id = "CRASH-" + worker + "-" + i;
                        sent.incrementAndGet();
                        try {
                            HttpResponse<String> response = post(first.baseUrl(), police, id, i);
                            if (response.statusCode() / 100 == 2) {
                                answered.put(id, JSON.readTree(response.body()).path("decisionId").asText());
                            }
                        } catch (IOException e) {
                            return; // the server is gone
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(3)).until(() -> answered.size() >= 150);
            first.kill();
            clients.shutdown();
            assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
        assertThat(answered.size()).isBetween(150, sent.get() - 1);

        try (ServerProcess second = ServerProcess.start(config, log, port)) {
            for (Map.Entry<String, String> request : answered.entrySet()) {
                HttpResponse<String> stored = get(second.baseUrl() + "/api/v1/requests/" + request.getKey(), police);
                assertThat(stored.statusCode()).as(request.getKey()).isEqualTo(200);
                assertThat(JSON.readTree(stored.body()).path("decisionId").asText()).isEqualTo(request.getValue());
            }
            List<String> decided = new ArrayList<>();
            long afterSeq = 0;
            while (true) {
                JsonNode page = JSON.readTree(get(second.baseUrl() + "/api/v1/audit?type=DECISION_MADE&limit=1000&afterSeq="
                        + afterSeq, auditor).body());
                page.path("records").forEach(r -> decided.add(r.path("requestId").asText()));
                if (!page.has("nextAfterSeq")) {
                    break;
                }
                afterSeq = page.path("nextAfterSeq").asLong();
            }
            assertThat(decided).doesNotHaveDuplicates().containsAll(answered.keySet());
            JsonNode verify = JSON.readTree(get(second.baseUrl() + "/api/v1/audit/verify", auditor).body());
            assertThat(verify.path("valid").asBoolean()).isTrue();
            assertThat(verify.path("records").asLong()).isEqualTo(decided.size() + 3L); // + the baseline's 3 lifecycle records

            then.check(second, auditor);
        }
    }

    private static HttpResponse<String> post(String base, String token, String id, int i)
            throws IOException, InterruptedException {
        String body = """
                {"requestId":"%s","purpose":"CRIMINAL_INVESTIGATION","legalBasis":{"instrument":"SV_126ND","reference":"OvJ-1"},
                 "caseReference":"ZAAK-9","subjects":[{"vNumber":"%d"}],"fields":["name","date_of_birth","current_location","health"]}"""
                .formatted(id, 1000000001L + (i % 2000));
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
