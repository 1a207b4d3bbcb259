package nl.doelbinding.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import nl.doelbinding.server.app.ServerConfig;
import nl.doelbinding.server.channels.BrokerAccess;
import nl.doelbinding.server.channels.QueueClient;
import nl.doelbinding.server.identity.KeycloakServer;
import nl.doelbinding.server.identity.RealKeycloak;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure that may pass (here: the realm's signing keys cannot be fetched, so no token can be verified) is
 * retried a bounded number of times and then dead-lettered with its reason; a batch meeting it moves to
 * {@code failed/} saying so. Nothing is decided and nothing is dropped silently.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueueRedeliveryIT {
    RunningServer it;
    QueueClient queue;
    QueueClient operator;
    Path dropbox;

    @BeforeAll
    void start(KeycloakServer keycloak, @TempDir Path dataDir) throws Exception {
        int closed = RunningServer.freePort();
        dropbox = dataDir.resolve("dropbox").resolve("police-demo");
        it = RunningServer.start(keycloak, dataDir, config -> {
            config.database.url = null;
            config.keycloak.jwksUri = "http://127.0.0.1:" + closed + "/certs"; // nobody listens there
            config.broker.maxDeliveryAttempts = 3;
            config.broker.redeliveryDelayMillis = 200;
            config.fileDrop.pollMillis = 200;
            ServerConfig.FileBinding binding = new ServerConfig.FileBinding();
            binding.name = "police-demo";
            binding.clientId = "police-demo";
            binding.clientSecret = "police-demo-secret";
            config.fileDrop.bindings.add(binding);
        });
        // No token can be verified here (the signing keys are unreachable), so the broker would let no police
        // system or operator in: this test reaches the broker as the server does.
        String url = it.server.channels().amqpUrl().orElseThrow();
        String password = it.server.channels().embeddedBrokerAccess().orElseThrow().serverPassword();
        queue = new QueueClient(url, BrokerAccess.SERVER_USER, password);
        operator = queue;
    }

    @AfterAll
    void stop() throws Exception {
        Resources.closeAll(queue, it);
    }

    @Test
    void whileNoTokenCanBeVerifiedTheBrokerLetsNoPoliceSystemIn() {
        String url = it.server.channels().amqpUrl().orElseThrow();
        assertThatThrownBy(() -> new QueueClient(url, it.tokens.of(Caller.POLICE_DEMO)))
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aPassingFailureIsRedeliveredABoundedNumberOfTimesThenDeadLettered() throws Exception {
        RequestBody request = RequestBody.trace(it.requestId("UNAVAILABLE"), "1000000001");
        String messageId = queue.send(request.json(), it.tokens.of(Caller.POLICE_DEMO), "police-demo.it-unavailable",
                "corr-unavailable");

        Message dead = operator.receive(QueueClient.DEAD_LETTERS, Duration.ofSeconds(90)).orElseThrow();
        assertThat(dead.getJMSCorrelationID()).isEqualTo("corr-unavailable");
        assertThat(dead.getStringProperty("originalMessageId")).isEqualTo(messageId);
        assertThat(dead.getStringProperty("errorType")).isEqualTo("UNAVAILABLE");
        assertThat(dead.getIntProperty("errorStatus")).isEqualTo(503);
        assertThat(dead.getStringProperty("errorDescription")).contains("not decided after 3 deliveries");
        assertThat(QueueClient.text(dead)).isEqualTo(request.json());
        assertThat(queue.receive("police-demo.it-unavailable", Duration.ofSeconds(1))).isEmpty();
        try (var c = it.server.database().dataSource().getConnection();
             var ps = c.prepareStatement("SELECT COUNT(*) FROM requests WHERE request_id = ?")) {
            ps.setString(1, request.requestId());
            try (var rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("nothing was recorded").isZero();
            }
        }
    }

    @Test
    void aBatchThatMeetsAPassingFailureMovesToFailedSayingSo() throws Exception {
        Path inbox = dropbox.resolve("inbox");
        Files.writeString(inbox.resolve(".later.part"), "{\"requests\": ["
                + RequestBody.trace(it.requestId("LATER"), "1000000001").json() + "]}");
        Files.move(inbox.resolve(".later.part"), inbox.resolve("later.json"), StandardCopyOption.ATOMIC_MOVE);

        Path error = dropbox.resolve("failed").resolve("later.error.txt");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(dropbox.resolve("failed")
                .resolve("later.json")));
        assertThat(Files.readString(error)).contains("file: later.json").contains("UNAVAILABLE")
                .contains("drop the batch again to retry");
        assertThat(dropbox.resolve("outbox").resolve("later.decisions.json")).doesNotExist();
    }
}
