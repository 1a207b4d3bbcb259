package nl.doelbinding.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Message;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.doelbinding.server.channels.QueueClient;
import nl.doelbinding.server.identity.KeycloakServer;
import nl.doelbinding.server.identity.RealKeycloak;
import nl.doelbinding.server.identity.TokenClient;
import nl.doelbinding.server.persistence.DatabaseConfig;
import nl.doelbinding.server.persistence.TestDatabases;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's crash acceptance: 5,000 requests on the queue and a 5,000-request batch in the inbox; the server
 * process is killed with SIGKILL part-way and started again. Then every request has exactly one decision and
 * one audit record, every queued request's decision reached the reply queue (a second reply only as a replay
 * of the same decision, same request id and decision id), the batch's decisions file lists each request once
 * with its recorded decision, nothing was dead-lettered, and the audit chain verifies.
 */
@ExtendWith(RealKeycloak.class)
class ChannelCrashIT {
    private static final int PER_CHANNEL = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void queuedAndBatchedRequestsAreDecidedExactlyOnceAcrossAKill(KeycloakServer keycloak) throws Exception {
        DatabaseConfig database = TestDatabases.postgres("channel_crash_it");
        int port = freePort();
        int amqpPort = freePort();
        Path data = dir.resolve("data");
        Path config = dir.resolve("server.yaml");
        Files.writeString(config, """
                dataDir: %s
                http: { port: %d }
                broker: { port: %d, concurrentConsumers: 4 }
                database: { url: "%s", user: "%s", password: "%s", poolSize: 8 }
                keycloak: { issuer: "%s", jwksUri: "%s" }
                fileDrop:
                  pollMillis: 200
                  bindings:
                    - { name: police-demo, clientId: police-demo, clientSecret: police-demo-secret }
                """.formatted(data, port, amqpPort, database.jdbcUrl(), database.user(), database.password(),
                keycloak.issuer(), keycloak.jwksUri()));
        Path log = dir.resolve("server.log");
        TokenClient tokens = new TokenClient(keycloak.tokenEndpoint());
        String police = tokens.clientCredentials("police-demo", "police-demo-secret");
        String amqp = "amqp://127.0.0.1:" + amqpPort;
        Path dropbox = data.resolve("dropbox").resolve("police-demo");

        long decidedAtKill;
        try (ServerProcess first = ServerProcess.start(config, log, port)) {
            try (QueueClient queue = new QueueClient(amqp, police)) {
                for (int i = 0; i < PER_CHANNEL; i++) {
                    queue.send(request("Q-" + i, i), police, null, "Q-" + i);
                }
            }
            writeBatch(dropbox.resolve("inbox"), "crash.json");
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> count(database, "SELECT COUNT(*) FROM decisions") >= 2 * PER_CHANNEL / 3);
            first.kill();
            decidedAtKill = count(database, "SELECT COUNT(*) FROM decisions");
        }
        assertThat(decidedAtKill).as("killed part-way").isLessThan(2L * PER_CHANNEL);

        try (ServerProcess second = ServerProcess.start(config, log, port);
             QueueClient queue = new QueueClient(amqp, police);
             QueueClient operator = new QueueClient(amqp, tokens.password("admin", "demo"))) {
            Path decisionsFile = dropbox.resolve("outbox").resolve("crash.decisions.json");
            Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> count(database, "SELECT COUNT(*) FROM decisions") == 2L * PER_CHANNEL
                            && Files.exists(decisionsFile));
            Map<String, String> recorded = recordedDecisions(database);
            assertThat(recorded).hasSize(2 * PER_CHANNEL);

            Map<String, Set<String>> replies = new HashMap<>();
            for (Message reply : queue.receive(QueueClient.DECISIONS, 3 * PER_CHANNEL, Duration.ofSeconds(10))) {
                JsonNode decision = JSON.readTree(QueueClient.text(reply));
                assertThat(decision.path("requestId").asText()).isEqualTo(reply.getJMSCorrelationID());
                replies.computeIfAbsent(reply.getJMSCorrelationID(), k -> new HashSet<>())
                        .add(decision.path("decisionId").asText());
            }
            assertThat(replies).hasSize(PER_CHANNEL);
            for (int i = 0; i < PER_CHANNEL; i++) {
                assertThat(replies.get("Q-" + i)).as("replies to Q-%d", i).containsExactly(recorded.get("Q-" + i));
            }

            JsonNode batch = JSON.readTree(decisionsFile.toFile());
            List<String> filed = new ArrayList<>();
            for (JsonNode decision : batch.path("decisions")) {
                String requestId = decision.path("requestId").asText();
                filed.add(requestId);
                assertThat(decision.path("decisionId").asText()).as(requestId).isEqualTo(recorded.get(requestId));
            }
            assertThat(filed).hasSize(PER_CHANNEL).doesNotHaveDuplicates().startsWith("F-0").endsWith("F-" + (PER_CHANNEL - 1));
            assertThat(dropbox.resolve("inbox").resolve("crash.json")).doesNotExist();
            assertThat(dropbox.resolve("failed").resolve("crash.error.txt")).doesNotExist();

            assertThat(count(database, "SELECT COUNT(*) FROM audit_records WHERE type = 'DECISION_MADE'"))
                    .isEqualTo(2L * PER_CHANNEL);
            assertThat(count(database, "SELECT COUNT(*) FROM (SELECT request_id FROM audit_records WHERE type ="
                    + " 'DECISION_MADE' GROUP BY request_id HAVING COUNT(*) > 1) d")).as("requests with two records")
                    .isZero();
            assertThat(operator.receive(QueueClient.DEAD_LETTERS, Duration.ofSeconds(1))).as("nothing dead-lettered").isEmpty();
            String auditor = tokens.password("auditor", "demo");
            JsonNode verify = JSON.readTree(get(second.baseUrl() + "/api/v1/audit/verify", auditor));
            assertThat(verify.path("valid").asBoolean()).as("%s", verify).isTrue();
            assertThat(verify.path("records").asLong()).isEqualTo(2L * PER_CHANNEL + 3); // + the baseline's 3 records
        }
    }

    private static String request(String requestId, int i) {
        String vNumber = String.valueOf(1000000001L + (i % 2000));
        return i % 2 == 0
                ? """
                {"requestId":"%s","purpose":"TRACE_MISSING_RESIDENT","legalBasis":{"instrument":"SV_126ND","reference":"OvJ-1"},
                 "caseReference":"ZAAK-9","subjects":[{"vNumber":"%s"}],"fields":["name","date_of_birth","current_location","health"]}"""
                .formatted(requestId, vNumber)
                : """
                {"requestId":"%s","purpose":"IDENTIFICATION","legalBasis":{"instrument":"SV_126NC","reference":"PV-1"},
                 "caseReference":"ZAAK-10","subjects":[{"vNumber":"%s"}],"fields":["name","date_of_birth","sex","v_number"]}"""
                .formatted(requestId, vNumber);
    }

    private static void writeBatch(Path inbox, String name) throws IOException {
        Path part = inbox.resolve("." + name + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            out.write("{\"requests\": [\n");
            for (int i = 0; i < PER_CHANNEL; i++) {
                out.write((i == 0 ? "" : ",\n") + request("F-" + i, i));
            }
            out.write("\n]}\n");
        }
        Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** requestId to the decision id recorded for it; fails when a request has more than one decision. */
    private static Map<String, String> recordedDecisions(DatabaseConfig database) throws SQLException {
        Map<String, String> recorded = new HashMap<>();
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT r.request_id, d.decision_id FROM requests r"
                     + " JOIN decisions d ON d.request_row_id = r.id")) {
            while (rs.next()) {
                String earlier = recorded.put(rs.getString(1), rs.getString(2));
                assertThat(earlier).as("a second decision for %s", rs.getString(1)).isNull();
            }
        }
        return recorded;
    }

    private static long count(DatabaseConfig database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String get(String url, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
