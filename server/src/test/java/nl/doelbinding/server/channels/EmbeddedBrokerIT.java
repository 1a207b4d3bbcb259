package nl.doelbinding.server.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import jakarta.jms.JMSSecurityException;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.routes.amqp.ReplySpace;
import nl.doelbinding.routes.auth.RequesterAuthenticator;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker on its journal: it keeps messages across a restart, refuses a second broker on it, and lets
 * nobody in without a verified token (or the server's own secret), each only where its role allows. Tokens here are
 * checked by a stand-in for the server's verifier (RealKeycloak ITs check real tokens: ChannelsIT).
 */
class EmbeddedBrokerIT {
    private static final String POLICE = "police-token";
    private static final String ADMIN = "admin-token";
    private static final String AUDITOR = "auditor-token";
    private static final String OTHER_POLICE = "other-police-token";
    private static final Map<String, Requester> CALLERS = Map.of(
            POLICE, new Requester("svc-1", "police-demo", Set.of("police-requester"), "Demo-Eenheid"),
            OTHER_POLICE, new Requester("svc-2", "police-other", Set.of("police-requester"), "Andere-Eenheid"),
            ADMIN, new Requester("u-admin", "console", Set.of("admin"), "Beheer"),
            AUDITOR, new Requester("u-auditor", "console", Set.of("auditor"), "Audit"));
    private static final RequesterAuthenticator TOKENS = authorization -> {
        Requester caller = CALLERS.get(authorization.substring("Bearer ".length()));
        if (caller == null) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "not a token of this test");
        }
        return caller;
    };

    @TempDir
    Path dir;

    private final BrokerAccess access = BrokerAccess.withNewServerSecret(TOKENS,
            new ReplySpace(QueueClient.DECISIONS));

    @Test
    void aMessageSurvivesARestartAndASecondBrokerOnTheSameJournalFailsFast() throws Exception {
        BrokerSettings settings = settings(freePort());
        try (EmbeddedBroker broker = EmbeddedBroker.start(settings, dir, access);
             QueueClient client = new QueueClient(broker.url(), POLICE)) {
            client.send("{\"requestId\":\"KEPT\"}", POLICE, null, "kept");

            long start = System.nanoTime();
            assertThatThrownBy(() -> EmbeddedBroker.start(settings(freePort()), dir, access))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("same data folder");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        }
        try (EmbeddedBroker restarted = EmbeddedBroker.start(settings, dir, access);
             QueueClient server = asServer(restarted)) {
            assertThat(server.receive(QueueClient.REQUESTS, Duration.ofSeconds(10)).orElseThrow().getJMSCorrelationID())
                    .isEqualTo("kept");
        }
    }

    @Test
    void nobodyConnectsWithoutAVerifiedTokenOfAPoliceSystemOrAnOperatorOrTheServersSecret() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(settings(freePort()), dir, access)) {
            assertThatThrownBy(() -> new QueueClient(broker.url(), null)).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> new QueueClient(broker.url(), "forged")).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> new QueueClient(broker.url(), AUDITOR)).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> new QueueClient(broker.url(), BrokerAccess.SERVER_USER, "guessed"))
                    .isInstanceOf(JMSSecurityException.class);
            // The server's user with a police token is still the server's user: its secret is what counts.
            assertThatThrownBy(() -> new QueueClient(broker.url(), BrokerAccess.SERVER_USER, POLICE))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void aPoliceSystemSendsRequestsAndReadsRepliesButNeverTheRequestsTheDeadLettersOrAForgedReply() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(settings(freePort()), dir, access);
             QueueClient police = new QueueClient(broker.url(), POLICE);
             QueueClient server = asServer(broker);
             QueueClient operator = new QueueClient(broker.url(), ADMIN)) {
            police.send("{\"requestId\":\"R-1\"}", POLICE, "police-demo.replies", "c-1");
            server.sendTo(QueueClient.DEAD_LETTERS, "{\"reason\":\"a refused message\"}");
            server.sendTo("police-demo.replies", "{\"decision\":\"RELEASED\"}");

            assertThatThrownBy(() -> police.receive(QueueClient.REQUESTS, Duration.ofSeconds(1)))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> police.receive(QueueClient.DEAD_LETTERS, Duration.ofSeconds(1)))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> police.sendTo(QueueClient.DECISIONS, "{\"decision\":\"RELEASED\"}"))
                    .isInstanceOf(JMSSecurityException.class);
            assertThat(QueueClient.text(police.receive("police-demo.replies", Duration.ofSeconds(10)).orElseThrow()))
                    .isEqualTo("{\"decision\":\"RELEASED\"}");

            assertThatThrownBy(() -> operator.sendTo(QueueClient.REQUESTS, "{}"))
                    .isInstanceOf(JMSSecurityException.class);
            assertThat(QueueClient.text(operator.receive(QueueClient.DEAD_LETTERS, Duration.ofSeconds(10))
                    .orElseThrow())).isEqualTo("{\"reason\":\"a refused message\"}");
            assertThat(server.receive(QueueClient.REQUESTS, Duration.ofSeconds(10)).orElseThrow()
                    .getJMSCorrelationID()).isEqualTo("c-1");
        }
    }

    @Test
    void aPoliceSystemReadsItsOwnReplyAddressesAndTheSharedDefaultButNeverAnotherSystems() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(settings(freePort()), dir, access);
             QueueClient police = new QueueClient(broker.url(), POLICE);
             QueueClient other = new QueueClient(broker.url(), OTHER_POLICE);
             QueueClient server = asServer(broker)) {
            server.sendTo("police-demo.case-7", "{\"decision\":\"RELEASED\",\"for\":\"police-demo\"}");
            server.sendTo(QueueClient.DECISIONS, "{\"decision\":\"REJECTED\"}");

            assertThatThrownBy(() -> other.receive("police-demo.case-7", Duration.ofSeconds(1)))
                    .isInstanceOf(JMSSecurityException.class);
            // Not by a name that merely begins like the other client's, nor by the client id alone.
            assertThatThrownBy(() -> police.receive("police-other2.replies", Duration.ofSeconds(1)))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> police.receive("police-demo", Duration.ofSeconds(1)))
                    .isInstanceOf(JMSSecurityException.class);
            assertThat(QueueClient.text(police.receive("police-demo.case-7", Duration.ofSeconds(10)).orElseThrow()))
                    .isEqualTo("{\"decision\":\"RELEASED\",\"for\":\"police-demo\"}");
            assertThat(QueueClient.text(other.receive(QueueClient.DECISIONS, Duration.ofSeconds(10)).orElseThrow()))
                    .isEqualTo("{\"decision\":\"REJECTED\"}");
            assertThat(other.receive("police-other.replies", Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void withTheSharedDefaultClosedNoPoliceSystemReadsIt() throws Exception {
        BrokerAccess closed = BrokerAccess.withNewServerSecret(TOKENS, new ReplySpace(QueueClient.DECISIONS, false));
        try (EmbeddedBroker broker = EmbeddedBroker.start(settings(freePort()), dir, closed);
             QueueClient police = new QueueClient(broker.url(), POLICE)) {
            assertThatThrownBy(() -> police.receive(QueueClient.DECISIONS, Duration.ofSeconds(1)))
                    .isInstanceOf(JMSSecurityException.class);
            assertThat(police.receive("police-demo.replies", Duration.ofMillis(200))).isEmpty();
        }
    }

    private QueueClient asServer(EmbeddedBroker broker) throws Exception {
        return new QueueClient(broker.url(), BrokerAccess.SERVER_USER, access.serverPassword());
    }

    private static BrokerSettings settings(int port) {
        return new BrokerSettings("127.0.0.1", port, QueueClient.REQUESTS, QueueClient.DECISIONS,
                QueueClient.DEAD_LETTERS, "doelbinding.expired", 5, 1000);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
