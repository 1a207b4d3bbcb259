package nl.doelbinding.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.doelbinding.routes.amqp.ReplySpace;
import nl.doelbinding.routes.auth.RequesterAuthenticator;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import nl.doelbinding.server.channels.BrokerAccess;
import nl.doelbinding.server.channels.BrokerSettings;
import nl.doelbinding.server.channels.EmbeddedBroker;
import nl.doelbinding.server.channels.QueueClient;
import nl.doelbinding.server.identity.KeycloakServer;
import nl.doelbinding.server.identity.RealKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server against an external AMQP 1.0 broker ({@code broker.url}): an Artemis of its own, in its own folder
 * and on its own port, that the server only connects to. Requests are decided from it, decisions and dead
 * letters go back to it, and the server starts no broker of its own.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalBrokerIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The stand-in external broker has one user of its own, which the server and this test connect as. */
    private static final String EXTERNAL_PASSWORD = "external-broker-secret";
    private static final RequesterAuthenticator NO_TOKENS = authorization -> {
        throw new ProblemException(ProblemType.UNAUTHENTICATED, "the stand-in broker takes no tokens");
    };

    EmbeddedBroker external;
    RunningServer it;
    QueueClient queue;
    Path dataDir;

    @BeforeAll
    void start(KeycloakServer keycloak, @TempDir Path dataDir, @TempDir Path brokerDir) throws Exception {
        this.dataDir = dataDir;
        external = EmbeddedBroker.start(new BrokerSettings("127.0.0.1", RunningServer.freePort(), QueueClient.REQUESTS,
                QueueClient.DECISIONS, QueueClient.DEAD_LETTERS, "doelbinding.expired", 3, 200), brokerDir,
                BrokerAccess.withServerPassword(NO_TOKENS, EXTERNAL_PASSWORD,
                        new ReplySpace(QueueClient.DECISIONS)));
        it = RunningServer.start(keycloak, dataDir, config -> {
            config.database.url = null;
            config.broker.url = external.url();
            config.broker.user = BrokerAccess.SERVER_USER;
            config.broker.password = EXTERNAL_PASSWORD;
            // A deployment for several police systems: nobody may use the shared default reply address.
            config.broker.sharedReplies = false;
        });
        queue = new QueueClient(external.url(), BrokerAccess.SERVER_USER, EXTERNAL_PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        Resources.closeAll(queue, it, external);
    }

    @Test
    void aRequestOnTheExternalBrokerIsDecidedAndAnsweredThereAndTheServerRunsNoBrokerOfItsOwn() throws Exception {
        RequestBody request = RequestBody.trace(it.requestId("EXTERNAL"), "1000000021");
        queue.send(request.json(), it.tokens.of(Caller.POLICE_DEMO), "police-demo.it-external", "corr-external");

        Message reply = queue.receive("police-demo.it-external", WAIT).orElseThrow();
        assertThat(reply.getJMSCorrelationID()).isEqualTo("corr-external");
        JsonNode decision = Api.JSON.readTree(QueueClient.text(reply));
        assertThat(decision.path("requestId").asText()).isEqualTo(request.requestId());
        assertThat(decision.path("decision").asText()).isEqualTo("PARTIALLY_RELEASED");
        JsonNode stored = it.get(Caller.POLICE_DEMO, "/api/v1/requests/" + request.requestId()).json();
        assertThat(stored.path("decisionId").asText()).isEqualTo(decision.path("decisionId").asText());

        assertThat(it.server.channels().amqpUrl()).contains(external.url());
        assertThat(dataDir.resolve("broker")).as("no embedded journal").matches(p -> !Files.exists(p));
    }

    @Test
    void aMessageWithoutATokenIsDeadLetteredOnTheExternalBrokerWithItsReason() throws Exception {
        RequestBody request = RequestBody.trace(it.requestId("EXTERNAL-NO-TOKEN"), "1000000021");
        queue.send(request.json(), null, "police-demo.it-external-dlq", "corr-external-dlq");

        Message dead = queue.receive(QueueClient.DEAD_LETTERS, WAIT).orElseThrow();
        assertThat(dead.getJMSCorrelationID()).isEqualTo("corr-external-dlq");
        assertThat(dead.getStringProperty("errorType")).isEqualTo("UNAUTHENTICATED");
        assertThat(dead.getStringProperty("errorDescription")).contains("no bearer token");
        assertThat(queue.receive("police-demo.it-external-dlq", Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void withTheSharedReplyAddressClosedARequestWithoutAnAddressOfItsOwnIsRefusedAndNotDecided() throws Exception {
        RequestBody request = RequestBody.trace(it.requestId("EXTERNAL-NO-REPLY-TO"), "1000000021");
        queue.send(request.json(), it.tokens.of(Caller.POLICE_DEMO), null, "corr-no-reply-to");

        Message dead = queue.receive(QueueClient.DEAD_LETTERS, WAIT).orElseThrow();
        assertThat(dead.getJMSCorrelationID()).isEqualTo("corr-no-reply-to");
        assertThat(dead.getStringProperty("errorType")).isEqualTo("INVALID_REQUEST");
        assertThat(dead.getStringProperty("errorDescription")).contains("a replyTo address is required")
                .contains("(police-demo.)");
        assertThat(queue.receive(QueueClient.DECISIONS, Duration.ofSeconds(2))).isEmpty();
        assertThat(it.get(Caller.POLICE_DEMO, "/api/v1/requests/" + request.requestId()).status()).isEqualTo(404);
    }
}
