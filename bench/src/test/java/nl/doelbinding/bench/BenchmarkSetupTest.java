package nl.doelbinding.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.doelbinding.bench.load.CamelFloor;
import nl.doelbinding.bench.load.Options;
import nl.doelbinding.engine.DecisionEngine;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.RequestHistory;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the benchmark's setup relies on, checked in the normal build without running JMH: the floor decides
 * as the engine does beyond the one standard request, the generated rules compile and leave the standard
 * decision alone, pooled sessions decide the same under concurrency, and the load benchmark's Camel floor
 * answers as the bare Jetty target does.
 */
class BenchmarkSetupTest {
    private static Map<String, String> files;
    private static CompiledRuleset baseline;
    private static DecisionEngine engine;
    private static List<DisclosureRequest> scenarioRequests;

    @BeforeAll
    static void compileBaseline() {
        files = BaselineSource.files();
        baseline = DecideBenchmark.compile(files);
        engine = DecideBenchmark.engine(baseline);
        ScenarioLoader loader = new ScenarioLoader(baseline.catalogue());
        scenarioRequests = new ArrayList<>();
        files.forEach((path, text) -> {
            if (path.startsWith("scenarios/")) {
                loader.load(path, text, e -> {
                    throw new IllegalStateException(e.toString());
                }).forEach(c -> scenarioRequests.add(c.request()));
            }
        });
    }

    @Test
    void theFloorDecidesEveryInScopeScenarioAsTheEngineDoes() {
        DecisionEngine floor = DecideBenchmark.floor(baseline, files);
        Set<String> inScope = Set.of("CRIMINAL_INVESTIGATION", "FRAUD_INVESTIGATION");
        int compared = 0;
        for (DisclosureRequest request : scenarioRequests) {
            // The floor decides first requests: R8's history rules (REQ-VOLUME-02/03) are outside its scope.
            boolean firstRequest = request.history().equals(RequestHistory.NONE);
            if (firstRequest && request.purpose().map(p -> inScope.contains(p.value())).orElse(true)) {
                assertThat(floor.decide(request)).as(request.requestId()).isEqualTo(engine.decide(request));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(30);
    }

    @Test
    void generatedRulesCompileAndDoNotFireForTheStandardRequest() {
        Map<String, String> generated = GeneratedRules.addTo(files, 300);
        CompiledRuleset large = DecideBenchmark.compile(generated);
        assertThat(large.rules()).hasSize(baseline.rules().size() + 300);
        DisclosureRequest request = StandardRequest.forFields(StandardRequest.TWELVE_FIELDS);
        Decision decision = DecideBenchmark.engine(large).decide(request);
        StandardRequest.check(decision, StandardRequest.select(StandardRequest.ROW_D, StandardRequest.TWELVE_FIELDS),
                OverallDecision.ESCALATED);
        assertThat(decision).isEqualTo(DecideBenchmark.floor(large, generated).decide(request));
        assertThat(GeneratedRules.addTo(files, 300)).isEqualTo(generated); // deterministic
    }

    @Test
    void theWideCatalogueDecidesFiftyFields() {
        CompiledRuleset wide = DecideBenchmark.compile(WideCatalogue.addTo(files, DecideBenchmark.WIDE_FIELDS));
        List<String> fields = WideCatalogue.requestFields(50);
        assertThat(fields).hasSize(50).doesNotHaveDuplicates();
        Map<String, StandardRequest.Expected> expected = StandardRequest.select(
                WideCatalogue.rowD(DecideBenchmark.WIDE_FIELDS), fields);
        StandardRequest.check(DecideBenchmark.engine(wide).decide(StandardRequest.forFields(fields)), expected,
                DecideBenchmark.overall(expected));
    }

    @Test
    void pooledSessionsDecideTheSameUnderConcurrency() throws Exception {
        List<Decision> sequential = scenarioRequests.stream().map(engine::decide).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Decision>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(threads.submit(() -> {
                    List<Decision> last = null;
                    for (int round = 0; round < 5; round++) {
                        last = scenarioRequests.stream().map(engine::decide).toList();
                    }
                    return last;
                }));
            }
            for (Future<List<Decision>> run : runs) {
                assertThat(run.get()).isEqualTo(sequential);
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void theCamelFloorReadsTheBodyAndAnswersTheFixedJson() throws Exception {
        byte[] fixed = "{\"decision\":\"RELEASED\",\"naam\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (CamelFloor floor = CamelFloor.start("127.0.0.1", port, fixed)) {
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 2; i++) { // the second on a kept-alive connection
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + CamelFloor.PATH))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer not-checked")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"requestId\":\"r-" + i + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
                assertThat(response.headers().firstValue("Authorization")).isEmpty();
                assertThat(response.body()).isEqualTo(fixed);
            }
            HttpResponse<String> get = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + CamelFloor.PATH)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(get.statusCode()).as("only POST is routed").isNotEqualTo(200);
        }
    }

    @Test
    void theLoadBenchmarkTakesTheCamelTargetAndRunsTargetsInOrder() {
        assertThat(Options.parse(new String[0]).targets()).containsExactly("server", "camel", "bare");
        assertThat(Options.parse(new String[] {"--targets", "bare,camel"}).targets()).containsExactly("camel", "bare");
        assertThat(Options.parse(new String[] {"--targets", "camel"}).targets()).containsExactly("camel");
        assertThat(Options.parse(new String[] {"--targets", "server,camel,bare"}).targets())
                .containsExactly("server", "camel", "bare");
        assertThatThrownBy(() -> Options.parse(new String[] {"--targets", "server,kamel"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kamel");
    }
}
