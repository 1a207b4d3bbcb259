package nl.doelbinding.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import nl.doelbinding.server.identity.KeycloakServer;

/**
 * Issue 3, point 8: decisions per second and latency of the real server over HTTP, with real Keycloak tokens,
 * next to Camel over Jetty ({@link CamelFloor}) and a bare Jetty handler ({@link BareJetty}), both returning a
 * fixed JSON body of the same size, in one run on this machine. The three split the server's cost into Jetty,
 * Camel's HTTP binding and routing, and the rest (token, decision, database).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar nl.doelbinding.bench.load.LoadBenchmark [--help]} from the
 * repository root. It starts Keycloak (unless {@code --keycloak-url}), then for each target a child JVM on a
 * free loopback port: the server (embedded H2 in a temporary data folder, the synthetic register, the
 * baseline ruleset), the Camel floor and the bare Jetty handler. Per target: a closed-loop warm-up, a
 * measured closed-loop phase and (with {@code --rate}) a measured paced phase. The load generator runs on the
 * same cores as the target and Keycloak; the report states the CPU each used.
 */
public final class LoadBenchmark {
    static final double TARGET_THROUGHPUT = 1500;
    static final double TARGET_P99_MILLIS = 25;
    static final double TARGET_RATIO = 0.30;

    private final Options options;
    private final String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    private final List<String> report = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectNode results = json.createObjectNode();

    private LoadBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int code = new LoadBenchmark(options).run();
        System.exit(code);
    }

    private int run() throws Exception {
        Files.createDirectories(options.results);
        Path work = Files.createTempDirectory("doelbinding-load-");
        describeRun();
        KeycloakServer keycloak = null;
        String issuer;
        try {
            if (options.keycloakUrl != null) {
                issuer = options.keycloakUrl + "/realms/" + KeycloakServer.REALM;
                say("Keycloak: using " + options.keycloakUrl);
            } else {
                say("Keycloak: starting " + KeycloakServer.VERSION + " from " + options.keycloakDist);
                keycloak = KeycloakServer.start(KeycloakServer.Settings.of(options.keycloakDist, options.realm)
                        .withFreePorts().withLogFile(work.resolve("keycloak.log")));
                issuer = keycloak.issuer();
            }
            URI tokenEndpoint = URI.create(issuer + "/protocol/openid-connect/token");
            String jwks = issuer + "/protocol/openid-connect/certs";
            try (TokenSource police = TokenSource.clientCredentials(tokenEndpoint, "police-demo", "police-demo-secret")) {
                say("token: police-demo via client credentials from " + tokenEndpoint);
                Workload workload = new Workload(options.mix, runId.replace("-", ""));
                Map<String, LoadDriver.Result[]> measured = new LinkedHashMap<>();
                Path bodyFile = work.resolve("fixed-body.json");
                Files.write(bodyFile, fallbackBody());
                for (String target : options.targets) {
                    measured.put(target, target.equals("server")
                            ? measureServer(work, issuer, jwks, tokenEndpoint, police, workload, bodyFile)
                            : measureFixedBody(target, work, bodyFile, workload, police));
                }
                summarise(measured, police);
            }
        } finally {
            if (keycloak != null) {
                keycloak.close();
            }
            writeFiles();
            deleteQuietly(work);
        }
        return 0;
    }

    private LoadDriver.Result[] measureServer(Path work, String issuer, String jwks, URI tokenEndpoint,
                                              TokenSource police, Workload workload, Path bodyFile) throws Exception {
        int port = freePort();
        Path data = Files.createDirectories(work.resolve("server-data"));
        say("");
        say("== server: http://127.0.0.1:" + port + "/api/v1/requests (" + (options.databaseUrl == null
                ? "embedded H2 in a fresh temporary folder" : options.databaseUrl) + ", "
                + "synthetic register, baseline ruleset with R8 history thresholds out of reach (LoadRuleset), db pool " + options.poolSize + ")");
        List<String> arguments = new ArrayList<>(List.of("server", String.valueOf(port), data.toString(), issuer, jwks,
                String.valueOf(options.poolSize)));
        if (options.databaseUrl != null) {
            arguments.add(options.databaseUrl);
        }
        try (Target target = Target.start(work.resolve("server.log"), options.targetJvm,
                arguments.toArray(String[]::new))) {
            URI base = URI.create("http://127.0.0.1:" + port);
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (health.statusCode() != 200) {
                throw new IllegalStateException("the server is not healthy: " + health.body());
            }
            say("health: " + health.body());
            try (LoadDriver driver = driver(base.resolve("/api/v1/requests"), police, workload, true)) {
                // Set-up check: each kind decides as the baseline says before anything is measured.
                long seq = 0;
                for (Workload.Kind kind : Workload.Kind.values()) {
                    HttpResponse<byte[]> response = driver.once(kind, "check", seq++);
                    say("check: " + kind + " -> HTTP " + response.statusCode() + ", " + response.body().length
                            + " bytes, as expected");
                    if (kind == Workload.Kind.STANDARD) {
                        Files.write(bodyFile, response.body());
                    }
                }
                LoadDriver.Result[] phases = phases("server", driver, target);
                ObjectNode audit = verifyAudit(base, tokenEndpoint);
                results.set("serverAudit", audit);
                long decisions = Workload.Kind.values().length + Arrays.stream(phases).mapToLong(r -> r.requests).sum()
                        + warmupRequests;
                say("audit chain: " + audit.path("valid").asText() + ", " + audit.path("records").asText()
                        + " records (decisions answered, incl. warm-up: " + decisions + ", plus 3 ruleset records)");
                return phases;
            }
        }
    }

    private long warmupRequests;

    /** The camel or the bare target: a child JVM answering every request with the bytes of {@code bodyFile}. */
    private LoadDriver.Result[] measureFixedBody(String target, Path work, Path bodyFile, Workload workload,
                                                 TokenSource police) throws Exception {
        int port = freePort();
        URI uri = URI.create("http://127.0.0.1:" + port + CamelFloor.PATH);
        String reply = "answers 200 with a fixed JSON body of " + Files.size(bodyFile) + " bytes";
        say("");
        say(target.equals("camel")
                ? "== Camel over Jetty: " + uri + " (Camel with the server's REST configuration on camel-jetty, one"
                        + " route to direct: that reads the body as the server does and " + reply + "; no token, no"
                        + " decision)"
                : "== bare Jetty: " + uri + " (a Jetty 12 handler that reads the body and " + reply + ")");
        try (Target process = Target.start(work.resolve(target + ".log"), options.targetJvm, target,
                String.valueOf(port), bodyFile.toString());
             LoadDriver driver = driver(uri, police, workload, false)) {
            driver.once(Workload.Kind.STANDARD, "check", 0);
            return phases(target, driver, process);
        }
    }

    private LoadDriver driver(URI uri, TokenSource police, Workload workload, boolean checkDecisions) {
        return new LoadDriver(uri, police::authorization, workload, checkDecisions, options.workers, options.clients,
                options.directExecutor, options.sampleEvery, options.seed, options.client);
    }

    /** Warm-up, measured closed loop, and (with --rate) measured paced phase. */
    private LoadDriver.Result[] phases(String target, LoadDriver driver, Target process) throws InterruptedException {
        List<LoadDriver.Result> out = new ArrayList<>();
        if (!options.warmup.isZero()) {
            say("warm-up: " + options.warmup.toSeconds() + " s closed loop, " + options.workers + " workers...");
            LoadDriver.Result warm = driver.run("w" + target.charAt(0), options.warmup, 0);
            warmupRequests = warm.requests;
            say(String.format(Locale.ROOT, "warm-up: %,d requests, %,.0f/s, p99 %.1f ms, %d errors", warm.requests,
                    warm.throughput(), warm.millis(99), warm.errors()));
        }
        say("measuring: " + options.duration.toSeconds() + " s closed loop, " + options.workers + " workers...");
        out.add(measured(target, "closed", driver, 0, process));
        if (options.rate > 0) {
            say("measuring: " + options.duration.toSeconds() + " s paced at " + (long) options.rate + "/s...");
            out.add(measured(target, "paced", driver, options.rate, process));
        }
        return out.toArray(LoadDriver.Result[]::new);
    }

    private LoadDriver.Result measured(String target, String phase, LoadDriver driver, double rate, Target process)
            throws InterruptedException {
        long pid = process.pid();
        CpuSample before = CpuSample.take(pid);
        Map<String, Long> threadsBefore = CpuSample.threads(pid);
        Instant start = Instant.now();
        LoadDriver.Result r = driver.run(target.charAt(0) + phase.substring(0, 1), options.duration, rate);
        r.gcPauses = GcPauses.between(process.gcLog(), start, Instant.now());
        r.cpu = before.until(CpuSample.take(pid));
        r.targetThreads = CpuSample.spent(threadsBefore, CpuSample.threads(pid));
        say(header());
        say(row(target, phase, r));
        if (r.missed > 0) {
            say(String.format(Locale.ROOT, "  the target fell behind the schedule: %,d scheduled requests were not sent"
                    + " by the end of the phase (latency counts from the scheduled time)", r.missed));
        }
        for (String e : r.errorExamples) {
            say("  error: " + e);
        }
        say("  target CPU by thread kind (s): " + r.targetThreads.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(6)
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f", e.getValue())).toList());
        GcPauses.Summary gc = r.gcPauses;
        say(String.format(Locale.ROOT, "  target GC pauses: %d, longest %.1f ms, in all %.0f ms (%.1f%% of the phase)",
                gc.count(), gc.longestMillis(), gc.totalMillis(), 100 * gc.share(r.seconds)));
        record(target, phase, r);
        return r;
    }

    private ObjectNode verifyAudit(URI base, URI tokenEndpoint) throws IOException, InterruptedException {
        String auditor = TokenSource.password(tokenEndpoint, "auditor", "demo");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        base.resolve("/api/v1/audit/verify")).timeout(Duration.ofMinutes(2))
                .header("Authorization", auditor).build(), HttpResponse.BodyHandlers.ofString());
        ObjectNode node = json.createObjectNode().put("status", response.statusCode());
        if (response.statusCode() == 200) {
            JsonNode body = json.readTree(response.body());
            node.put("valid", body.path("valid").asBoolean()).put("records", body.path("records").asLong());
        } else {
            node.put("valid", false).put("body", response.body());
        }
        return node;
    }

    /** The rows of every target that ran, the server's targets, and the closed-loop ratios between targets. */
    private void summarise(Map<String, LoadDriver.Result[]> measured, TokenSource police) {
        say("");
        say("== summary (" + runId + ")");
        say(header());
        measured.forEach((target, phases) -> Arrays.stream(phases)
                .forEach(r -> say(row(target, r.rate > 0 ? "paced" : "closed", r))));
        say("token renewals during the run: " + police.renewals());
        LoadDriver.Result[] server = measured.get("server");
        LoadDriver.Result[] bare = measured.get("bare");
        if (server != null) {
            judge(server);
        }
        if (server != null && bare != null) {
            double ratio = server[0].throughput() / bare[0].throughput();
            say(String.format(Locale.ROOT, "server / bare Jetty throughput (closed loop): %.1f%% (target >= %.0f%%) %s",
                    100 * ratio, 100 * TARGET_RATIO, verdict(ratio >= TARGET_RATIO)));
            results.put("ratio", ratio).put("ratioMet", ratio >= TARGET_RATIO);
        }
        compare(measured, "server", "camel", "server / Camel over Jetty", "ratioServerCamel");
        compare(measured, "camel", "bare", "Camel over Jetty / bare Jetty", "ratioCamelBare");
        splitCpu(measured);
    }

    /** The targets for the server: throughput, p99, the paced rate held, no errors. */
    private void judge(LoadDriver.Result[] server) {
        LoadDriver.Result closed = server[0];
        boolean throughput = closed.throughput() >= TARGET_THROUGHPUT;
        boolean p99 = closed.millis(99) < TARGET_P99_MILLIS;
        boolean noErrors = Arrays.stream(server).allMatch(r -> r.errors() == 0);
        say(String.format(Locale.ROOT, "target >= %.0f decisions/s (closed loop): %,.0f/s %s", TARGET_THROUGHPUT,
                closed.throughput(), verdict(throughput)));
        say(String.format(Locale.ROOT, "target p99 < %.0f ms (closed loop): %.1f ms %s", TARGET_P99_MILLIS,
                closed.millis(99), verdict(p99)));
        if (server.length > 1) {
            LoadDriver.Result paced = server[1];
            boolean held = paced.missed == 0 && paced.throughput() >= paced.rate * 0.98
                    && paced.millis(99) < TARGET_P99_MILLIS;
            say(String.format(Locale.ROOT, "paced at %.0f/s: achieved %,.0f/s, p99 %.1f ms, %,d scheduled requests"
                    + " not sent in time %s", paced.rate, paced.throughput(), paced.millis(99), paced.missed,
                    verdict(held)));
            results.put("pacedHeld", held);
        }
        say("no errors (server, all measured phases): " + verdict(noErrors));
        results.put("throughputMet", throughput).put("p99Met", p99).put("noErrors", noErrors);
    }

    /** The closed-loop throughput of {@code over} as a share of that of {@code under}, if both ran. */
    private void compare(Map<String, LoadDriver.Result[]> measured, String over, String under, String label,
                         String key) {
        if (measured.containsKey(over) && measured.containsKey(under)) {
            double ratio = measured.get(over)[0].throughput() / measured.get(under)[0].throughput();
            say(String.format(Locale.ROOT, "%s throughput (closed loop): %.1f%%", label, 100 * ratio));
            results.put(key, ratio);
        }
    }

    /**
     * With all three targets: the server's CPU per request (closed loop) as Jetty (the bare target's), plus
     * Camel's HTTP binding and routing (the Camel floor's over the bare target's), plus the rest.
     */
    private void splitCpu(Map<String, LoadDriver.Result[]> measured) {
        if (!measured.keySet().containsAll(Options.TARGETS)) {
            return;
        }
        double server = targetCpuMillis(measured.get("server")[0]);
        double camel = targetCpuMillis(measured.get("camel")[0]);
        double bare = targetCpuMillis(measured.get("bare")[0]);
        say(String.format(Locale.ROOT, "server CPU per request (closed loop): %.3f ms = Jetty %.3f + Camel's HTTP"
                + " binding and routing %.3f + the rest (token, decision, database, audit) %.3f", server, bare,
                camel - bare, server - camel));
        results.putObject("targetCpuMsPerRequest").put("server", server).put("jetty", bare)
                .put("camelOverJetty", camel - bare).put("rest", server - camel);
    }

    private static String verdict(boolean met) {
        return met ? "MET" : "NOT MET";
    }

    private static String header() {
        return String.format(Locale.ROOT, "%-6s %-6s %8s %6s %7s %7s %7s %7s %8s %7s %7s %6s %6s",
                "target", "phase", "requests", "errors", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms",
                "tgt ms", "gen ms", "busy", "others");
    }

    /**
     * One line: "tgt ms" and "gen ms" are CPU milliseconds per request of the target and of the generator;
     * "busy" is how busy the whole machine was; "others" the cores' worth of CPU used by processes this
     * benchmark did not start.
     */
    private static String row(String target, String phase, LoadDriver.Result r) {
        CpuSample.Usage cpu = r.cpu;
        return String.format(Locale.ROOT, "%-6s %-6s %8d %6d %7.0f %7.2f %7.2f %7.2f %8.1f %7.3f %7.3f %5.0f%% %6.2f",
                target, phase, r.requests, r.errors(), r.throughput(), r.millis(50), r.millis(90), r.millis(99),
                r.maxMillis(), targetCpuMillis(r), 1000 * cpu.generator() / r.requests,
                100 * cpu.machineBusy(), cpu.others() / r.seconds);
    }

    /** The target's CPU milliseconds per request in one phase. */
    private static double targetCpuMillis(LoadDriver.Result r) {
        return 1000 * r.cpu.target() / r.requests;
    }

    private void record(String target, String phase, LoadDriver.Result r) {
        ObjectNode node = json.createObjectNode();
        node.put("target", target).put("phase", phase).put("workers", r.workers).put("rate", r.rate)
                .put("seconds", r.seconds).put("requests", r.requests).put("errors", r.errors())
                .put("statusErrors", r.statusErrors).put("exceptions", r.exceptions)
                .put("wrongDecisions", r.wrongDecisions).put("bodiesChecked", r.sampled).put("missed", r.missed)
                .put("throughput", r.throughput()).put("meanMs", r.meanMillis()).put("p50Ms", r.millis(50))
                .put("p90Ms", r.millis(90)).put("p99Ms", r.millis(99)).put("p999Ms", r.millis(99.9))
                .put("maxMs", r.maxMillis());
        ObjectNode kinds = node.putObject("kinds");
        r.perKind.forEach((k, v) -> kinds.put(k.name(), v));
        node.putObject("cpuSeconds").put("generator", r.cpu.generator()).put("target", r.cpu.target())
                .put("keycloak", r.cpu.keycloak()).put("others", r.cpu.others())
                .put("machineBusyFraction", r.cpu.machineBusy());
        node.put("loadAverageAfter", CpuSample.loadAverage());
        node.putObject("targetGcPauses").put("count", r.gcPauses.count())
                .put("totalMs", r.gcPauses.totalMillis()).put("longestMs", r.gcPauses.longestMillis());
        ObjectNode threads = node.putObject("targetCpuSecondsByThread");
        r.targetThreads.forEach(threads::put);
        ArrayNode errors = node.putArray("errorExamples");
        r.errorExamples.forEach(errors::add);
        ((ArrayNode) results.withArray("phases")).add(node);
        Path hgrm = options.results.resolve("load-" + runId + "-" + target + "-" + phase + ".hgrm");
        try (PrintStream out = new PrintStream(Files.newOutputStream(hgrm), true, StandardCharsets.UTF_8)) {
            r.latencyMicros.outputPercentileDistribution(out, 1000.0);
        } catch (IOException e) {
            System.err.println("could not write " + hgrm + ": " + e);
        }
    }

    private void describeRun() {
        say("Doelbinding HTTP load benchmark, run " + runId + " (" + OffsetDateTime.now() + ")");
        List<String> machine = CpuSample.describeMachine();
        machine.forEach(m -> say("machine: " + m));
        say("java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        say("generator JVM: " + ManagementFactory.getRuntimeMXBean().getInputArguments() + ", GC "
                + ManagementFactory.getGarbageCollectorMXBeans().stream().map(g -> g.getName()).toList());
        say("settings: " + options.describe());
        say("note: generator, target and Keycloak share the machine's cores; CPU per process is reported, and the"
                + " CPU of processes this benchmark did not start ('others', in cores); load average now "
                + CpuSample.loadAverage());
        results.put("runId", runId).put("date", OffsetDateTime.now().toString())
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("java", System.getProperty("java.runtime.version")).put("settings", options.describe())
                .put("arguments", String.join(" ", options.given.entrySet().stream()
                        .flatMap(e -> Stream.of(e.getKey(), e.getValue())).toList()));
    }

    private void say(String line) {
        System.out.println(line);
        System.out.flush();
        report.add(line);
    }

    private void writeFiles() {
        try {
            Path text = options.results.resolve("load-" + runId + ".txt");
            Files.write(text, report);
            json.writeValue(options.results.resolve("load-" + runId + ".json").toFile(), results);
            System.out.println("results: " + text + " (and .json, .hgrm)");
        } catch (IOException e) {
            System.err.println("could not write the results: " + e);
        }
    }

    /** Used only if the server is not measured: a decision-sized JSON body. */
    private static byte[] fallbackBody() {
        StringBuilder sb = new StringBuilder("{\"decision\":\"PARTIALLY_RELEASED\",\"fields\":[");
        while (sb.length() < 4000) {
            sb.append("{\"field\":\"name\",\"outcome\":\"DISCLOSE\",\"rule\":\"INV-01\"},");
        }
        sb.setLength(sb.length() - 1);
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Deletes a temporary folder and what it holds (a benchmark's database can take hundreds of megabytes). */
    static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the OS cleans it
        }
    }

    /** A child JVM running {@link TargetMain}; closing its standard input stops it. */
    static final class Target implements AutoCloseable {
        private final Process process;
        private final Path log;
        private final Path gcLog;

        private Target(Process process, Path log, Path gcLog) {
            this.process = process;
            this.log = log;
            this.gcLog = gcLog;
        }

        static Target start(Path log, String jvmOptions, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
            Path gcLog = log.resolveSibling(log.getFileName().toString().replaceFirst("\\.log$", "") + "-gc.log");
            command.add(GcPauses.logOption(gcLog));
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(TargetMain.class.getName());
            command.addAll(Arrays.asList(args));
            Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
            Target target = new Target(process, log, gcLog);
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            String line;
            while ((line = out.readLine()) != null) {
                if (line.equals("READY")) {
                    Thread drain = new Thread(() -> {
                        try {
                            while (out.readLine() != null) {
                                // discard
                            }
                        } catch (IOException e) {
                            // ended
                        }
                    }, "target-stdout");
                    drain.setDaemon(true);
                    drain.start();
                    return target;
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
            target.close();
            throw new IllegalStateException("the " + args[0] + " target did not start; its log: "
                    + Files.readString(log).lines().limit(40).toList());
        }

        long pid() {
            return process.pid();
        }

        /** Where the target's JVM logs its garbage collector's pauses ({@link GcPauses}). */
        Path gcLog() {
            return gcLog;
        }

        @Override
        public void close() throws IOException, InterruptedException {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // already gone
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            if (process.exitValue() != 0) {
                System.err.println("target exited with " + process.exitValue() + "; log: " + log);
            }
        }
    }
}
