package nl.doelbinding.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Sends requests to one target from a fixed number of platform threads (HTTP/1.1, keep-alive: one connection per
 * worker), for a fixed time, and measures what comes back. The connections are the JDK HttpClient's or, with
 * {@link Client#SOCKET}, the lean blocking client {@link SocketExchange}, which takes less of the shared cores.
 *
 * <p>Two modes. Closed loop ({@code rate == 0}): each worker sends its next request as soon as the previous
 * one is answered, so throughput is what the target (and the generator, on the same cores) can do at that
 * concurrency. Paced ({@code rate > 0}): the workers share a fixed schedule of {@code rate} requests per
 * second; latency counts from the scheduled send time, so a stall shows up in the figures instead of
 * silently lowering the rate (no coordinated omission).
 */
final class LoadDriver implements AutoCloseable {
    /** How the workers talk HTTP. */
    enum Client {
        /** The JDK HttpClient, shared by the workers ({@code --clients} instances). */
        JDK,
        /** One {@link SocketExchange} per worker. */
        SOCKET
    }

    /** One worker's way of sending a request: the response's status and body; closed at the end of its phase. */
    interface Exchange extends AutoCloseable {
        SocketExchange.Response post(String authorization, byte[] body) throws IOException, InterruptedException;

        @Override
        default void close() {
            // a share of a JDK HttpClient: nothing of the worker's own to close
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Latencies are recorded in microseconds, up to a minute, to three significant digits. */
    private static final long HIGHEST_MICROS = 60_000_000L;
    /** Fields the STANDARD request asks for that the baseline rejects: never in a release. */
    private static final Set<String> NEVER_RELEASED = Set.of("health", "religion", "fingerprints");

    private final List<HttpClient> clients = new ArrayList<>();
    private final URI uri;
    private final Supplier<String> authorization;
    private final Workload workload;
    private final boolean checkDecisions;
    private final int workers;
    private final int sampleEvery;
    private final long seed;
    private final Client client;

    /**
     * @param checkDecisions true for the real server (status per kind, a sample of bodies checked); false for
     *                       the baseline, which answers 200 with its fixed body to everything
     * @param clients        how many HttpClient instances the workers share (each has one selector thread)
     * @param directExecutor run the clients' completion work on their selector threads (no thread pool)
     * @param sampleEvery    check the body of one response in this many (1 = every response)
     * @param client         the JDK HttpClient or one lean socket client per worker
     */
    LoadDriver(URI uri, Supplier<String> authorization, Workload workload, boolean checkDecisions, int workers,
               int clients, boolean directExecutor, int sampleEvery, long seed, Client client) {
        this.client = client;
        this.uri = uri;
        this.authorization = authorization;
        this.workload = workload;
        this.checkDecisions = checkDecisions;
        this.workers = workers;
        this.sampleEvery = sampleEvery;
        this.seed = seed;
        // The lean client still sends the set-up checks (once) through one HttpClient.
        for (int i = 0; i < (client == Client.JDK ? clients : 1); i++) {
            HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5));
            if (directExecutor) {
                // Completion work runs on the client's selector thread instead of being handed to a pool:
                // fewer thread switches per request, so the generator takes less of the shared cores.
                builder.executor(Runnable::run);
            }
            this.clients.add(builder.build());
        }
    }

    /** The outcome of one phase. */
    static final class Result {
        final String phase;
        final double rate;
        final int workers;
        final Histogram latencyMicros;
        final long requests;
        final long statusErrors;
        final long exceptions;
        final long wrongDecisions;
        final long sampled;
        final double seconds;
        final Map<Workload.Kind, Long> perKind;
        final List<String> errorExamples;
        CpuSample.Usage cpu;
        Map<String, Double> targetThreads = Map.of();
        GcPauses.Summary gcPauses = new GcPauses.Summary(0, 0, 0);
        /** Paced phase: scheduled requests not sent by the end of the phase because the target fell behind. */
        long missed;

        Result(String phase, double rate, int workers, Histogram latencyMicros, long requests, long statusErrors,
               long exceptions, long wrongDecisions, long sampled, double seconds, Map<Workload.Kind, Long> perKind,
               List<String> errorExamples) {
            this.phase = phase;
            this.rate = rate;
            this.workers = workers;
            this.latencyMicros = latencyMicros;
            this.requests = requests;
            this.statusErrors = statusErrors;
            this.exceptions = exceptions;
            this.wrongDecisions = wrongDecisions;
            this.sampled = sampled;
            this.seconds = seconds;
            this.perKind = perKind;
            this.errorExamples = errorExamples;
        }

        long errors() {
            return statusErrors + exceptions + wrongDecisions;
        }

        double throughput() {
            return requests / seconds;
        }

        double millis(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMillis() {
            return latencyMicros.getMaxValue() / 1000.0;
        }

        double meanMillis() {
            return latencyMicros.getMean() / 1000.0;
        }
    }

    /** Runs one phase of {@code duration}: closed loop when {@code rate} is 0, else paced at {@code rate}/s. */
    Result run(String phase, Duration duration, double rate) throws InterruptedException {
        long start = System.nanoTime() + 50_000_000L; // every worker begins at the same instant
        long end = start + duration.toNanos();
        long interval = rate > 0 ? (long) (workers * 1e9 / rate) : 0;
        Histogram[] histograms = new Histogram[workers];
        LongAdder statusErrors = new LongAdder();
        LongAdder exceptions = new LongAdder();
        LongAdder wrong = new LongAdder();
        LongAdder sampled = new LongAdder();
        LongAdder missed = new LongAdder();
        AtomicLong lastDone = new AtomicLong(start);
        Map<Workload.Kind, LongAdder> kinds = new EnumMap<>(Workload.Kind.class);
        for (Workload.Kind k : Workload.Kind.values()) {
            kinds.put(k, new LongAdder());
        }
        List<String> examples = Collections.synchronizedList(new ArrayList<>());
        Set<String> seen = ConcurrentHashMap.newKeySet();
        Thread[] threads = new Thread[workers];
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
            histograms[w] = histogram;
            Exchange exchange = exchange(w);
            threads[w] = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed * 1_000_003L + phase.hashCode() * 31L + worker);
                long next = start + (interval * worker) / workers;
                LockSupport.parkNanos(start - System.nanoTime());
                for (long seq = 0; ; seq++) {
                    long intended;
                    if (interval > 0) {
                        if (next >= end) {
                            break;
                        }
                        if (System.nanoTime() >= end) {
                            // Behind schedule at the end: what was not sent is missed, not sent late for ever.
                            missed.add((end - next + interval - 1) / interval);
                            break;
                        }
                        long wait;
                        while ((wait = next - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        intended = next;
                        next += interval;
                    } else {
                        intended = System.nanoTime();
                        if (intended >= end) {
                            break;
                        }
                    }
                    Workload.Item item = workload.next(random, phase, worker, seq);
                    kinds.get(item.kind()).increment();
                    try {
                        SocketExchange.Response response = exchange.post(authorization.get(), item.body());
                        long done = System.nanoTime();
                        histogram.recordValue(Math.min(HIGHEST_MICROS, (done - intended) / 1000));
                        lastDone.accumulateAndGet(done, Math::max);
                        int expected = checkDecisions ? item.kind().status : 200;
                        if (response.status() != expected) {
                            statusErrors.increment();
                            note(examples, seen, "HTTP " + response.status() + " for " + item.kind() + ": "
                                    + abbreviate(new String(response.body())));
                        } else if (checkDecisions && seq % sampleEvery == 0) {
                            sampled.increment();
                            String problem = check(item, response.body());
                            if (problem != null) {
                                wrong.increment();
                                note(examples, seen, item.kind() + ": " + problem);
                            }
                        }
                    } catch (IOException e) {
                        long done = System.nanoTime();
                        histogram.recordValue(Math.min(HIGHEST_MICROS, (done - intended) / 1000));
                        lastDone.accumulateAndGet(done, Math::max);
                        exceptions.increment();
                        note(examples, seen, e.getClass().getName() + ": " + e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                exchange.close();
            }, "load-" + phase + "-" + w);
            threads[w].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        for (Histogram h : histograms) {
            all.add(h);
        }
        long requests = all.getTotalCount();
        double seconds = Math.max(1, lastDone.get() - start) / 1e9;
        Map<Workload.Kind, Long> perKind = new EnumMap<>(Workload.Kind.class);
        kinds.forEach((k, v) -> perKind.put(k, v.sum()));
        Result result = new Result(phase, rate, workers, all, requests, statusErrors.sum(), exceptions.sum(),
                wrong.sum(), sampled.sum(), seconds, perKind, List.copyOf(examples));
        result.missed = missed.sum();
        return result;
    }

    /** Worker {@code w}'s connection: a share of a JDK HttpClient, or a socket of its own for the phase. */
    private Exchange exchange(int w) {
        if (client == Client.SOCKET) {
            return new SocketExchange(uri);
        }
        HttpClient http = clients.get(w % clients.size());
        return (auth, body) -> {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json").header("Authorization", auth)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return new SocketExchange.Response(response.statusCode(), response.body());
        };
    }

    /** Sends one request of the given kind and returns the response (for set-up checks). */
    HttpResponse<byte[]> once(Workload.Kind kind, String phase, long seq) throws IOException, InterruptedException {
        Workload.Item item = workload.item(kind, new SplittableRandom(seq), phase, 0, seq);
        HttpResponse<byte[]> response = clients.get(0).send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Authorization", authorization.get())
                .POST(HttpRequest.BodyPublishers.ofByteArray(item.body())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        int expected = checkDecisions ? kind.status : 200;
        if (response.statusCode() != expected) {
            throw new IllegalStateException(kind + " answered HTTP " + response.statusCode() + ", expected " + expected
                    + ": " + abbreviate(new String(response.body())));
        }
        if (checkDecisions) {
            String problem = check(item, response.body());
            if (problem != null) {
                throw new IllegalStateException(kind + " was not decided as the baseline says: " + problem);
            }
        }
        return response;
    }

    /** Null when the body is the decision the baseline gives this kind of request; else what is wrong. */
    static String check(Workload.Item item, byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return "the body is not JSON";
        }
        if (!item.requestId().equals(root.path("requestId").asText())) {
            return "requestId " + root.path("requestId").asText() + " instead of " + item.requestId();
        }
        String decision = root.path("decision").asText();
        if (!item.kind().decision.equals(decision)) {
            return "decision " + decision + " instead of " + item.kind().decision;
        }
        switch (item.kind()) {
            case STANDARD -> {
                JsonNode subjects = root.path("release").path("subjects");
                if (subjects.size() != 1 || !item.vNumber().equals(subjects.get(0).path("vNumber").asText())) {
                    return "the release does not hold exactly the named subject";
                }
                JsonNode released = subjects.get(0);
                for (String field : NEVER_RELEASED) {
                    if (released.has(field)) {
                        return "the release holds the rejected field " + field;
                    }
                }
                if (!released.has("name") || !released.has("family_composition")) {
                    return "the release lacks a released field";
                }
            }
            case ESCALATION -> {
                if (root.path("escalationId").asText().isEmpty() || root.has("release")) {
                    return "an escalation without escalationId, or with a release";
                }
            }
            case REJECTION -> {
                if (root.has("release")) {
                    return "a refusal with a release";
                }
            }
        }
        return null;
    }

    private static void note(List<String> examples, Set<String> seen, String example) {
        if (examples.size() < 10 && seen.add(example)) {
            examples.add(example);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    @Override
    public void close() {
        // HttpClient (Java 17) has no close(); dropping the references lets its selector threads end.
        clients.clear();
    }
}
