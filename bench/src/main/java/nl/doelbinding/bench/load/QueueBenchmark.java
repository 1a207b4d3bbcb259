package nl.doelbinding.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.doelbinding.server.app.DoelbindingServer;
import nl.doelbinding.server.app.ServerConfig;
import nl.doelbinding.server.identity.KeycloakServer;
import org.HdrHistogram.Histogram;
import org.apache.qpid.jms.JmsConnectionFactory;

/**
 * Issue 4, point 6: decisions per second end to end through the embedded broker. The real server (embedded
 * H2, synthetic register, baseline ruleset, embedded Artemis on a free loopback port) runs in this JVM; a
 * police client connects over AMQP 1.0 (Qpid JMS), sends the load benchmark's request mix with a real
 * Keycloak token as fast as the broker takes it, and counts the replies on its reply queue. Throughput is
 * replies per second from the first send to the last reply; latency is send to reply.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar nl.doelbinding.bench.load.QueueBenchmark [--messages N]
 * [--warmup N] [--consumers N] [--keycloak-url URL]} from the repository root (Keycloak is started unless
 * {@code --keycloak-url}). The report goes to standard output and {@code bench/results/queue.txt}.
 */
public final class QueueBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPLIES = "police-demo.bench";

    private int messages = 20_000;
    private int warmup = 40_000;
    private int consumers = 16;
    private String keycloakUrl;
    private Path results = Path.of("bench", "results");
    private final List<String> report = new ArrayList<>();

    private static final String USAGE = """
            QueueBenchmark: decisions per second end to end through the embedded broker (server, broker and a
            Qpid JMS police client in this JVM; real Keycloak tokens).

              --messages N         measured messages                                     [20000]
              --warmup N           warm-up messages, not measured (the JIT needs minutes)  [40000]
              --consumers N        the server's concurrent queue consumers                  [16]
              --keycloak-url URL   use this running Keycloak (realm doelbinding) instead of starting one
              --results DIR        where queue.txt goes                            [bench/results]""";

    public static void main(String[] args) throws Exception {
        QueueBenchmark benchmark = new QueueBenchmark();
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--help")) {
                System.err.println(USAGE);
                System.exit(0);
            }
            if (i + 1 >= args.length) {
                System.err.println(args[i] + " needs a value\n" + USAGE);
                System.exit(2);
            }
            switch (args[i]) {
                case "--messages" -> benchmark.messages = Integer.parseInt(args[i + 1]);
                case "--warmup" -> benchmark.warmup = Integer.parseInt(args[i + 1]);
                case "--consumers" -> benchmark.consumers = Integer.parseInt(args[i + 1]);
                case "--keycloak-url" -> benchmark.keycloakUrl = args[i + 1];
                case "--results" -> benchmark.results = Path.of(args[i + 1]);
                default -> {
                    System.err.println("unknown option " + args[i] + "\n" + USAGE);
                    System.exit(2);
                }
            }
        }
        benchmark.run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("doelbinding-queue-");
        Options defaults = new Options();
        KeycloakServer keycloak = null;
        String issuer;
        if (keycloakUrl != null) {
            issuer = keycloakUrl + "/realms/" + KeycloakServer.REALM;
        } else {
            keycloak = KeycloakServer.start(KeycloakServer.Settings.of(defaults.keycloakDist, defaults.realm)
                    .withFreePorts().withLogFile(work.resolve("keycloak.log")));
            issuer = keycloak.issuer();
        }
        ServerConfig config = new ServerConfig();
        config.dataDir = work.resolve("data").toString();
        config.http.port = freePort();
        config.broker.port = freePort();
        config.broker.concurrentConsumers = consumers;
        config.keycloak.issuer = issuer;
        config.keycloak.jwksUri = issuer + "/protocol/openid-connect/certs";
        URI tokens = URI.create(issuer + "/protocol/openid-connect/token");
        say("queue benchmark " + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, load average " + CpuSample.loadAverage());
        try (DoelbindingServer server = DoelbindingServer.start(config, LoadRuleset.baselineWithoutHistoryLimits());
             TokenSource police = TokenSource.clientCredentials(tokens, "police-demo", "police-demo-secret")) {
            String url = server.channels().amqpUrl().orElseThrow();
            say("server: embedded H2, synthetic register, baseline ruleset (R8 history thresholds out of reach, LoadRuleset); embedded Artemis at " + url + ", "
                    + consumers + " concurrent consumers; request mix 80/10/10 (standard/escalation/rejection)"
                    + " as the HTTP load benchmark; a new requestId per message");
            Workload workload = new Workload(new int[] {80, 10, 10}, "q" + System.currentTimeMillis());
            // The broker lets in a police system with its access token as the password (docs/channels.md).
            JmsConnectionFactory factory = new JmsConnectionFactory(url + "?jms.forceAsyncSend=true");
            factory.setUsername("police-demo");
            factory.setPassword(police.authorization().substring("Bearer ".length()));
            Connection connection = factory.createConnection();
            try {
                connection.start();
                phase("warm-up", connection, police, workload, warmup, false);
                CpuSample before = CpuSample.take(-1);
                long self = ProcessHandle.current().pid();
                Map<String, Long> threadsBefore = CpuSample.threads(self);
                long processCpu = processCpuNanos();
                double loadBefore = CpuSample.loadAverage();
                phase("measured", connection, police, workload, messages, true);
                CpuSample.Usage cpu = before.until(CpuSample.take(-1));
                say(String.format(Locale.ROOT, "CPU: this JVM (server, embedded broker and the client together) %.1f ms"
                        + " per decision; the machine was %.0f%% busy; load average %.2f before, %.2f after (other work"
                        + " on the machine included)", (processCpuNanos() - processCpu) / 1e6 / messages,
                        cpu.machineBusy() * 100, loadBefore, CpuSample.loadAverage()));
                say("CPU by thread kind (ms per decision; the client's sender is the main thread, named java, its"
                        + " receiver the JmsSession dispatcher; AmqpProvider threads serve both the client's and the"
                        + " server's connections): "
                        + CpuSample.spent(threadsBefore, CpuSample.threads(self)).entrySet().stream()
                        .sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(10)
                        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue() * 1000 / messages))
                        .toList());
            } finally {
                connection.close();
            }
            String auditor = TokenSource.password(tokens, "auditor", "demo");
            HttpResponse<String> verify = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.baseUrl() + "/api/v1/audit/verify")).header("Authorization", auditor).build(),
                    HttpResponse.BodyHandlers.ofString());
            say("audit chain: " + verify.body());
        } finally {
            if (keycloak != null) {
                keycloak.close();
            }
            Files.createDirectories(results);
            Files.write(results.resolve("queue.txt"), report);
            LoadBenchmark.deleteQuietly(work);
        }
    }

    private void phase(String name, Connection connection, TokenSource police, Workload workload, int count,
                       boolean print) throws Exception {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session receiving = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger unexpected = new AtomicInteger();
        MessageConsumer consumer = receiving.createConsumer(receiving.createQueue(REPLIES));
        consumer.setMessageListener(reply -> {
            try {
                Long start = sentAt.remove(reply.getJMSCorrelationID());
                if (start != null) {
                    latency.recordValue(Math.min((System.nanoTime() - start) / 1000, latency.getHighestTrackableValue()));
                    JsonNode decision = JSON.readTree(((TextMessage) reply).getText());
                    if (decision.path("decision").asText().isEmpty()) {
                        unexpected.incrementAndGet();
                    }
                    done.countDown();
                }
            } catch (JMSException | IOException e) {
                unexpected.incrementAndGet();
            }
        });
        MessageProducer producer = session.createProducer(session.createQueue("doelbinding.requests"));
        SplittableRandom random = new SplittableRandom(1);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Workload.Item item = workload.next(random, name.substring(0, 1), 0, i);
            TextMessage message = session.createTextMessage(new String(item.body(), java.nio.charset.StandardCharsets.UTF_8));
            message.setStringProperty("Authorization", police.authorization());
            message.setJMSReplyTo(session.createQueue(REPLIES));
            message.setJMSCorrelationID(item.requestId());
            sentAt.put(item.requestId(), System.nanoTime());
            producer.send(message);
        }
        long sent = System.nanoTime();
        if (!done.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException(name + ": only " + (count - done.getCount()) + " of " + count + " replies");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        consumer.close();
        session.close();
        receiving.close();
        if (print) {
            say(String.format(Locale.ROOT, "%s: %,d requests sent in %.1f s, %,d decisions received in %.1f s:"
                            + " %,.0f decisions/s end to end; send to reply (mostly waiting behind the backlog) p50"
                            + " %.0f ms, p99 %.0f ms; %d unexpected replies",
                    name, count, (sent - start) / 1e9, count, seconds, count / seconds,
                    latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                    unexpected.get()));
        } else {
            say(String.format(Locale.ROOT, "%s: %,d decisions in %.1f s", name, count, seconds));
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void say(String line) {
        System.out.println(line);
        report.add(line);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
