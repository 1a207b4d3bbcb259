package nl.doelbinding.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.doelbinding.server.app.ServerConfig;
import nl.doelbinding.server.channels.QueueClient;
import nl.doelbinding.server.identity.KeycloakServer;
import nl.doelbinding.server.identity.RealKeycloak;
import nl.doelbinding.server.identity.ShortLivedClients;
import nl.doelbinding.server.identity.TokenClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's acceptance on the running server with the real Keycloak and the real embedded broker: the same
 * request through HTTP, the queue and the file drop gets the same decision and one audit record each; messages
 * that cannot be decided land in the dead-letter queue with their reason; a bad batch is refused naming the
 * request at fault; a batch is processed once; a reviewed decision reaches the queued request's reply address.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelsIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String FIRST = "1000000001";

    RunningServer it;
    QueueClient queue;
    QueueClient operator;
    Path dropbox;

    @BeforeAll
    void start(KeycloakServer keycloak, @TempDir Path dataDir) throws Exception {
        // A folder name with spaces and brackets, as on a shared drive: the file endpoint must take it as is.
        dropbox = dataDir.resolve("drop box (police-demo)");
        it = RunningServer.start(keycloak, dataDir, config -> {
            config.database.url = null;
            config.keycloak.clockSkewSeconds = 1;
            config.broker.maxDeliveryAttempts = 3;
            config.fileDrop.pollMillis = 200;
            config.reviewReplyRetrySeconds = 2;
            ServerConfig.FileBinding binding = new ServerConfig.FileBinding();
            binding.name = "police-demo";
            binding.clientId = "police-demo";
            binding.clientSecret = "police-demo-secret";
            binding.folder = dropbox.toString();
            config.fileDrop.bindings.add(binding);
            ServerConfig.FileBinding wrong = new ServerConfig.FileBinding();
            wrong.name = "wrong-secret";
            wrong.clientId = "police-demo";
            wrong.clientSecret = "not-the-secret";
            config.fileDrop.bindings.add(wrong);
        });
        queue = new QueueClient(it.server.channels().amqpUrl().orElseThrow(), it.tokens.of(Caller.POLICE_DEMO));
        operator = new QueueClient(it.server.channels().amqpUrl().orElseThrow(), it.tokens.of(Caller.ADMIN));
    }

    @AfterAll
    void stop() throws Exception {
        Resources.closeAll(queue, operator, it);
    }

    @Test
    void theBrokerLetsInOnlyAVerifiedPoliceSystemOrOperatorAndKeepsTheDeadLettersFromPoliceSystems() throws Exception {
        String url = it.server.channels().amqpUrl().orElseThrow();
        assertThatThrownBy(() -> new QueueClient(url, null)).isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> new QueueClient(url, it.tokens.of(Caller.AUDITOR)))
                .isInstanceOf(JMSSecurityException.class);
        String forged = it.tokens.of(Caller.POLICE_DEMO);
        assertThatThrownBy(() -> new QueueClient(url, forged.substring(0, forged.length() - 4) + "AAAA"))
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> queue.receive(QueueClient.DEAD_LETTERS, Duration.ofSeconds(1)))
                .isInstanceOf(JMSSecurityException.class);
        assertThatThrownBy(() -> queue.receive(QueueClient.REQUESTS, Duration.ofSeconds(1)))
                .isInstanceOf(JMSSecurityException.class);
        // Another police system's reply address (ReplySpace), with a real police-demo token.
        assertThatThrownBy(() -> queue.receive("police-other.replies", Duration.ofSeconds(1)))
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aConnectionLosesItsRightsSoonAfterItsTokenExpires() throws Exception {
        new ShortLivedClients(it.keycloak).copy("police-demo", "police-brief", "police-brief-secret", 3);
        String brief = new TokenClient(it.keycloak.tokenEndpoint()).clientCredentials("police-brief",
                "police-brief-secret");
        try (QueueClient client = new QueueClient(it.server.channels().amqpUrl().orElseThrow(), brief)) {
            assertThat(client.receive("police-brief.it", Duration.ofMillis(100))).isEmpty();
            // 3 s of token, 1 s of clock skew, then at most Artemis's 10 s before it checks the token again.
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                try {
                    client.receive("police-brief.it", Duration.ofMillis(100));
                    return false;
                } catch (JMSSecurityException refused) {
                    return true;
                }
            });
        }
    }

    @Test
    void theSameRequestGetsTheSameDecisionOnEveryChannelAndOneAuditRecordEach() throws Exception {
        RequestBody viaHttp = RequestBody.trace(it.requestId("SAME-HTTP"), FIRST);
        RequestBody viaQueue = RequestBody.trace(it.requestId("SAME-QUEUE"), FIRST);
        RequestBody viaFile = RequestBody.trace(it.requestId("SAME-FILE"), FIRST);

        Api.Reply http = it.submit(Caller.POLICE_DEMO, viaHttp);
        assertThat(http.status()).as("%s", http).isEqualTo(200);
        queue.send(viaQueue.json(), it.tokens.of(Caller.POLICE_DEMO), "police-demo.it-same", "corr-same");
        Message reply = queue.receive("police-demo.it-same", WAIT).orElseThrow();
        JsonNode batch = dropBatch("same.json", List.of(viaFile.json()));

        assertThat(reply.getJMSCorrelationID()).isEqualTo("corr-same");
        assertThat(reply.getStringProperty("requestId")).isEqualTo(viaQueue.requestId());
        JsonNode queued = Api.JSON.readTree(QueueClient.text(reply));
        JsonNode filed = batch.path("decisions").get(0);
        assertThat(batch.path("decisions")).hasSize(1);
        assertThat(filed.path("requestId").asText()).isEqualTo(viaFile.requestId());

        JsonNode expected = http.json();
        assertThat(expected.path("decision").asText()).isEqualTo("PARTIALLY_RELEASED");
        assertThat(field(expected, "health")).isEqualTo("health REJECT SPECIAL-01 AVG art. 9(1); Sv art. 126nd(2)");
        assertThat(field(expected, "current_location")).isEqualTo("current_location GENERALISE TRACE-03 AVG art. 5(1)(c)");
        for (JsonNode other : List.of(queued, filed)) {
            assertThat(comparable(other)).isEqualTo(comparable(expected));
            assertThat(other.path("release")).isEqualTo(expected.path("release"));
        }
        for (RequestBody request : List.of(viaHttp, viaQueue, viaFile)) {
            assertThat(decisionRecords(request.requestId())).as(request.requestId()).isEqualTo(1);
        }

        // The HTTP request sent again on the queue is a replay: the stored decision, no second record.
        queue.send(viaHttp.json(), it.tokens.of(Caller.POLICE_DEMO), "police-demo.it-same", "corr-replay");
        Message replay = queue.receive("police-demo.it-same", WAIT).orElseThrow();
        assertThat(replay.getJMSCorrelationID()).isEqualTo("corr-replay");
        assertThat(replay.getBooleanProperty("replay")).isTrue();
        assertThat(Api.JSON.readTree(QueueClient.text(replay)).path("decisionId").asText())
                .isEqualTo(expected.path("decisionId").asText());
        assertThat(decisionRecords(viaHttp.requestId())).isEqualTo(1);
    }

    @Test
    void messagesThatCannotBeDecidedLandInTheDeadLetterQueueWithTheirReason() throws Exception {
        new ShortLivedClients(it.keycloak).copy("police-demo", "police-expiring", "police-expiring-secret", 1);
        String expired = new TokenClient(it.keycloak.tokenEndpoint()).clientCredentials("police-expiring",
                "police-expiring-secret");
        String police = it.tokens.of(Caller.POLICE_DEMO);
        String valid = RequestBody.trace(it.requestId("DLQ"), FIRST).json();
        // The token lives 1 s and the server allows 1 s of clock skew: wait until it is past both.
        Instant expiresAt = Instant.ofEpochSecond(Api.JSON.readTree(Base64.getUrlDecoder()
                .decode(expired.split("\\.")[1])).path("exp").asLong());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expiresAt.plusSeconds(2)));

        queue.send(valid, null, "police-demo.it-dlq", "dlq-no-token");
        queue.send(valid, expired, "police-demo.it-dlq", "dlq-expired");
        queue.send("{\"requestId\": \"DLQ-JSON\", \"purpose\": ", police, "police-demo.it-dlq", "dlq-json");
        queue.send(RequestBody.trace(it.requestId("DLQ-CODE"), FIRST).json().replace("TRACE_MISSING_RESIDENT",
                "NOT_A_PURPOSE"), police, "police-demo.it-dlq", "dlq-invalid");
        queue.send(valid, it.tokens.of(Caller.AUDITOR), "police-demo.it-dlq", "dlq-forbidden");
        // A reply address of another police system: its decision would reach whoever reads that address.
        RequestBody foreign = RequestBody.trace(it.requestId("DLQ-FOREIGN"), FIRST);
        queue.send(foreign.json(), police, "police-other.replies", "dlq-foreign-reply");

        Map<String, Message> dead = new HashMap<>();
        for (Message message : operator.receive(QueueClient.DEAD_LETTERS, 6, WAIT)) {
            dead.put(message.getJMSCorrelationID(), message);
        }
        assertThat(dead).containsOnlyKeys("dlq-no-token", "dlq-expired", "dlq-json", "dlq-invalid", "dlq-forbidden",
                "dlq-foreign-reply");
        assertReason(dead.get("dlq-no-token"), "UNAUTHENTICATED", "no bearer token");
        assertReason(dead.get("dlq-expired"), "UNAUTHENTICATED", "expired");
        assertReason(dead.get("dlq-json"), "INVALID_REQUEST", "not valid JSON");
        assertReason(dead.get("dlq-invalid"), "INVALID_REQUEST", "not valid");
        assertThat(dead.get("dlq-invalid").getStringProperty("errors")).contains("purpose");
        assertReason(dead.get("dlq-forbidden"), "FORBIDDEN", "police-requester");
        assertReason(dead.get("dlq-foreign-reply"), "INVALID_REQUEST", "beginning with your client id and a dot "
                + "(police-demo.)");
        assertThat(it.get(Caller.POLICE_DEMO, "/api/v1/requests/" + foreign.requestId()).status()).as("a request refused for its reply address is not decided").isEqualTo(404);
        for (Message message : dead.values()) {
            assertThat(message.propertyExists("Authorization")).as("the token never travels on").isFalse();
        }
        assertThat(QueueClient.text(dead.get("dlq-json"))).isEqualTo("{\"requestId\": \"DLQ-JSON\", \"purpose\": ");
        assertThat(queue.receive("police-demo.it-dlq", Duration.ofSeconds(1))).as("no decision for any of them").isEmpty();
    }

    @Test
    void aBatchWithOneBadRequestIsRefusedNamingThatRequestAndNothingOfItIsDecided() throws Exception {
        List<RequestBody> requests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            requests.add(RequestBody.trace(it.requestId("BAD-BATCH"), FIRST));
        }
        List<String> bodies = new ArrayList<>(requests.stream().map(RequestBody::json).toList());
        bodies.set(3, bodies.get(3).replace("TRACE_MISSING_RESIDENT", "NOT_A_PURPOSE"));
        drop("bad.json", bodies);

        Path error = dropbox.resolve("failed").resolve("bad.error.txt");
        Awaitility.await().atMost(WAIT).until(() -> Files.exists(dropbox.resolve("failed").resolve("bad.json")));
        String text = Files.readString(error);
        assertThat(text).contains("file: bad.json").contains("request index: 3").contains("property: requests[3].purpose")
                .contains("no request of this batch was decided");
        assertThat(dropbox.resolve("outbox").resolve("bad.decisions.json")).doesNotExist();
        assertThat(dropbox.resolve("inbox").resolve("bad.json")).doesNotExist();
        for (RequestBody request : requests) {
            assertThat(it.get(Caller.POLICE_DEMO, "/api/v1/requests/" + request.requestId()).status()).isEqualTo(404);
        }

        Files.writeString(dropbox.resolve("inbox").resolve(".broken.tmp"), "{\"requests\": [ {\"requestId\": ");
        Files.move(dropbox.resolve("inbox").resolve(".broken.tmp"), dropbox.resolve("inbox").resolve("broken.json"),
                StandardCopyOption.ATOMIC_MOVE);
        Awaitility.await().atMost(WAIT).until(() -> Files.exists(dropbox.resolve("failed").resolve("broken.error.txt")));
        assertThat(Files.readString(dropbox.resolve("failed").resolve("broken.error.txt")))
                .contains("file: broken.json").contains("request index: 0").contains("not valid JSON");
    }

    @Test
    void aBatchIsProcessedOnceEvenWhenDroppedAgain() throws Exception {
        RequestBody request = RequestBody.identification(it.requestId("ONCE"), FIRST);
        JsonNode first = dropBatch("once.json", List.of(request.json()));
        assertThat(first.path("decisions").get(0).path("decision").asText()).isEqualTo("RELEASED");

        drop("once.json", List.of(RequestBody.identification(it.requestId("ONCE-AGAIN"), FIRST).json()));
        Awaitility.await().atMost(WAIT).until(() -> Files.exists(dropbox.resolve("failed").resolve("once.error.txt")));
        assertThat(Files.readString(dropbox.resolve("failed").resolve("once.error.txt"))).contains("processed before");
        assertThat(Api.JSON.readTree(dropbox.resolve("outbox").resolve("once.decisions.json").toFile()))
                .as("the first batch's decisions are left as they were").isEqualTo(first);
        assertThat(decisionRecords(request.requestId())).isEqualTo(1);
    }

    @Test
    void aBindingWhoseClientCredentialsAreRefusedDecidesNothing() throws Exception {
        Path wrong = dropbox.resolveSibling("dropbox").resolve("wrong-secret"); // the default folder under data/
        RequestBody request = RequestBody.identification(it.requestId("WRONG-SECRET"), FIRST);
        Files.writeString(wrong.resolve("inbox").resolve(".w.part"), "{\"requests\": [" + request.json() + "]}");
        Files.move(wrong.resolve("inbox").resolve(".w.part"), wrong.resolve("inbox").resolve("w.json"),
                StandardCopyOption.ATOMIC_MOVE);

        Awaitility.await().atMost(WAIT).until(() -> Files.exists(wrong.resolve("failed").resolve("w.json")));
        assertThat(Files.readString(wrong.resolve("failed").resolve("w.error.txt"))).contains("UNAUTHENTICATED")
                .contains("refused the credentials of client police-demo");
        assertThat(it.get(Caller.POLICE_DEMO, "/api/v1/requests/" + request.requestId()).status()).isEqualTo(404);
    }

    @Test
    void aReviewedDecisionAlsoReachesTheQueuedRequestsReplyAddress() throws Exception {
        RequestBody request = RequestBody.investigation126nf(it.requestId("REVIEW"), "1000000004");
        queue.send(request.json(), it.tokens.of(Caller.POLICE_DEMO), "police-demo.it-review", "corr-review");
        Message escalated = queue.receive("police-demo.it-review", WAIT).orElseThrow();
        JsonNode notice = Api.JSON.readTree(QueueClient.text(escalated));
        assertThat(notice.path("decision").asText()).isEqualTo("ESCALATED");

        Api.Reply reviewed = it.post(Caller.REVIEWER, "/api/v1/escalations/" + notice.path("escalationId").asText()
                + "/review", "{\"fields\":{\"health\":{\"outcome\":\"REJECT\",\"motivation\":\"Not authorised.\"}}}");
        assertThat(reviewed.status()).as("%s", reviewed).isEqualTo(200);

        Message last = queue.receive("police-demo.it-review", WAIT).orElseThrow();
        assertThat(last.getJMSCorrelationID()).isEqualTo("corr-review");
        JsonNode decision = Api.JSON.readTree(QueueClient.text(last));
        assertThat(decision.path("requestId").asText()).isEqualTo(request.requestId());
        assertThat(decision.path("decision").asText()).isEqualTo("PARTIALLY_RELEASED");
        assertThat(field(decision, "health")).startsWith("health REJECT REVIEW");
        assertThat(decision.path("release").path("subjects").get(0).has("name")).isTrue();
        assertThat(decision.path("release").path("subjects").get(0).has("health")).isFalse();
    }

    @Test
    void aReviewedDecisionOfABatchedRequestIsWrittenToTheBindingsOutbox() throws Exception {
        RequestBody request = RequestBody.investigation126nf(it.requestId("BATCH/REVIEW"), "1000000006");
        JsonNode batch = dropBatch("to-review.json", List.of(request.json()));
        JsonNode notice = batch.path("decisions").get(0);
        assertThat(notice.path("decision").asText()).isEqualTo("ESCALATED");

        Api.Reply reviewed = it.post(Caller.REVIEWER, "/api/v1/escalations/" + notice.path("escalationId").asText()
                + "/review", "{\"fields\":{\"health\":{\"outcome\":\"REJECT\",\"motivation\":\"Not authorised.\"}}}");
        assertThat(reviewed.status()).as("%s", reviewed).isEqualTo(200);

        Path outbox = dropbox.resolve("outbox");
        Awaitility.await().atMost(WAIT).until(() -> reviewedFiles(outbox).size() == 1);
        Path written = reviewedFiles(outbox).get(0);
        assertThat(written.getFileName().toString()).startsWith("reviewed-IT-").contains("BATCH_REVIEW")
                .endsWith(".decisions.json");
        JsonNode decisions = Api.JSON.readTree(written.toFile()).path("decisions");
        assertThat(decisions).hasSize(1);
        JsonNode decision = decisions.get(0);
        assertThat(decision.path("requestId").asText()).isEqualTo(request.requestId());
        assertThat(decision.path("decisionId").asText()).isEqualTo(reviewed.json().path("decisionId").asText());
        assertThat(decision.path("decision").asText()).isEqualTo("PARTIALLY_RELEASED");
        assertThat(field(decision, "health")).startsWith("health REJECT REVIEW");
        assertThat(decision.path("release").path("subjects").get(0).has("name")).isTrue();
        assertThat(decision.path("release").path("subjects").get(0).has("health")).isFalse();
    }

    @Test
    void aReviewedDecisionTheOutboxCouldNotTakeIsWrittenOnceItCan() throws Exception {
        RequestBody request = RequestBody.investigation126nf(it.requestId("BATCH-OWED"), "1000000007");
        JsonNode notice = dropBatch("to-review-later.json", List.of(request.json())).path("decisions").get(0);
        assertThat(notice.path("decision").asText()).isEqualTo("ESCALATED");
        Path outbox = dropbox.resolve("outbox");
        Path away = dropbox.resolve("outbox.away");
        Files.move(outbox, away);
        Files.writeString(outbox, "a file where the outbox folder should be: nothing can be written into it");
        try {
            Api.Reply reviewed = it.post(Caller.REVIEWER, "/api/v1/escalations/"
                    + notice.path("escalationId").asText() + "/review",
                    "{\"fields\":{\"health\":{\"outcome\":\"REJECT\",\"motivation\":\"Not authorised.\"}}}");
            assertThat(reviewed.status()).as("the review is done whatever the outbox").isEqualTo(200);
            // Two retry rounds fail as well while the outbox is blocked: the decision stays owed.
            Awaitility.await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(6)).until(() -> true);
        } finally {
            Files.delete(outbox);
            Files.move(away, outbox);
        }
        assertThat(owedFile(outbox)).as("nothing was written while the outbox was blocked").isEmpty();

        Awaitility.await().atMost(WAIT).until(() -> owedFile(outbox).isPresent());
        JsonNode decision = Api.JSON.readTree(owedFile(outbox).orElseThrow().toFile()).path("decisions").get(0);
        assertThat(decision.path("requestId").asText()).isEqualTo(request.requestId());
        assertThat(decision.path("decision").asText()).isEqualTo("PARTIALLY_RELEASED");
        assertThat(field(decision, "health")).startsWith("health REJECT REVIEW");
        assertThat(decision.path("release").path("subjects").get(0).has("name")).isTrue();
        assertThat(decision.path("release").path("subjects").get(0).has("health")).isFalse();
        assertThat(it.get(Caller.POLICE_DEMO, "/api/v1/requests/" + request.requestId()).json()
                .path("decisionId").asText()).isEqualTo(decision.path("decisionId").asText());
    }

    private static java.util.Optional<Path> owedFile(Path outbox) throws java.io.IOException {
        return reviewedFiles(outbox).stream().filter(f -> f.getFileName().toString().contains("BATCH-OWED")).findFirst();
    }

    private static List<Path> reviewedFiles(Path outbox) throws java.io.IOException {
        try (var files = Files.list(outbox)) {
            return files.filter(f -> f.getFileName().toString().startsWith("reviewed-")).toList();
        }
    }

    private JsonNode dropBatch(String name, List<String> requests) throws Exception {
        drop(name, requests);
        Path decisions = dropbox.resolve("outbox").resolve(name.replace(".json", ".decisions.json"));
        Awaitility.await().atMost(WAIT).until(() -> Files.exists(decisions));
        return Api.JSON.readTree(decisions.toFile());
    }

    /** Writes the batch under a name the inbox ignores, then renames it: the way docs/channels.md asks for. */
    private void drop(String name, List<String> requests) throws Exception {
        Path inbox = dropbox.resolve("inbox");
        Path part = inbox.resolve("." + name + ".part");
        Files.writeString(part, "{\"requests\": [" + String.join(",\n", requests) + "]}", StandardCharsets.UTF_8);
        Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private long decisionRecords(String requestId) {
        JsonNode page = it.get(Caller.AUDITOR, "/api/v1/audit?type=DECISION_MADE&requestId=" + requestId).json();
        return page.path("records").size();
    }

    private static void assertReason(Message message, String type, String description) throws Exception {
        assertThat(message).isNotNull();
        assertThat(message.getStringProperty("errorType")).isEqualTo(type);
        assertThat(message.getStringProperty("errorDescription")).contains(description);
    }

    private static String field(JsonNode decision, String name) {
        for (JsonNode f : decision.path("fields")) {
            if (f.path("field").asText().equals(name)) {
                return name + " " + f.path("outcome").asText() + " " + f.path("rule").asText() + " "
                        + f.path("citation").asText();
            }
        }
        throw new AssertionError("no field " + name + " in " + decision);
    }

    /** The decision without what differs per request by design: its ids and the release data. */
    private static JsonNode comparable(JsonNode decision) {
        ObjectNode copy = decision.deepCopy();
        copy.remove(List.of("requestId", "decisionId", "release"));
        ArrayNode fields = (ArrayNode) copy.path("fields");
        assertThat(fields).isNotEmpty();
        return copy;
    }
}
