package nl.doelbinding.server.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker on its journal: it keeps messages across a restart, and refuses a second broker on it. */
class EmbeddedBrokerIT {
    @TempDir
    Path dir;

    @Test
    void aMessageSurvivesARestartAndASecondBrokerOnTheSameJournalFailsFast() throws Exception {
        BrokerSettings settings = settings(freePort());
        try (EmbeddedBroker broker = EmbeddedBroker.start(settings, dir);
             QueueClient client = new QueueClient(broker.url())) {
            client.send("{\"requestId\":\"KEPT\"}", null, null, "kept");

            long start = System.nanoTime();
            assertThatThrownBy(() -> EmbeddedBroker.start(settings(freePort()), dir))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("same data folder");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        }
        try (EmbeddedBroker restarted = EmbeddedBroker.start(settings, dir);
             QueueClient client = new QueueClient(restarted.url())) {
            assertThat(client.receive(QueueClient.REQUESTS, Duration.ofSeconds(10)).orElseThrow().getJMSCorrelationID())
                    .isEqualTo("kept");
        }
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
