package nl.doelbinding.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import nl.doelbinding.engine.decision.RulesetDecisionEngine;
import nl.doelbinding.engine.drools.DroolsRulesetCompiler;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.model.TimeOrderedUuid;
import nl.doelbinding.engine.model.VNumber;
import nl.doelbinding.engine.port.RequestHistories;
import nl.doelbinding.engine.port.ResidentDirectory;
import nl.doelbinding.engine.redaction.DerivedPseudonymKeys;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.RulesetSource;
import nl.doelbinding.routes.auth.RequesterAuthenticator;
import nl.doelbinding.routes.flow.DecisionService;
import nl.doelbinding.routes.flow.ReleaseBuilder;
import nl.doelbinding.routes.http.HttpIntakeRoute;
import nl.doelbinding.routes.http.ProblemRouteConfiguration;
import nl.doelbinding.routes.http.RestSetup;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP channel through decide and dispatch to each outcome endpoint, over real Jetty and the real
 * engine with the baseline ruleset. Only the ports (token verification, database, register) are fakes
 * here; the server's integration tests run the same flow against Keycloak, H2 and PostgreSQL.
 */
class HttpFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final InMemoryDecisionLog LOG = new InMemoryDecisionLog();
    private static CamelContext camel;
    private static String base;

    /** Token "police" is a police requester of unit AVIM-Noord; "auditor" is an auditor; others are invalid. */
    private static final RequesterAuthenticator TOKENS = authorization -> {
        if ("Bearer police".equals(authorization)) {
            return new Requester("svc-police", "police-demo", Set.of("police-requester"), "AVIM-Noord");
        }
        if ("Bearer auditor".equals(authorization)) {
            return new Requester("u-auditor", "console", Set.of("auditor"), "COA");
        }
        throw new ProblemException(ProblemType.UNAUTHENTICATED, authorization == null ? "no token" : "invalid token");
    };

    /** Two residents in the register; 1000000999 is not in it. */
    private static final ResidentDirectory REGISTER = (residents, fields) -> {
        Map<VNumber, Map<FieldName, String>> found = new HashMap<>();
        Map<String, String> amina = Map.of("name", "Amina Haddad", "date_of_birth", "1990-04-12",
                "current_location", "AZC Ter Apel", "v_number", "1000000001", "health", "asthma",
                "departure_status", "MOB", "room", "B-214");
        for (VNumber v : residents) {
            if (v.value().equals("1000000001")) {
                Map<FieldName, String> values = new HashMap<>();
                fields.forEach(f -> Optional.ofNullable(amina.get(f.value())).ifPresent(x -> values.put(f, x)));
                found.put(v, values);
            }
        }
        return found;
    };

    @BeforeAll
    static void start() throws Exception {
        CompiledRuleset baseline = new DroolsRulesetCompiler()
                .compile(RulesetSource.fromDirectory(Path.of("../rules/baseline"))).orThrow();
        RulesetDecisionEngine engine = new RulesetDecisionEngine(baseline,
                new RulesetRef(OptionalInt.of(1), baseline.sha256()));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty(RestSetup.PORT_KEY, String.valueOf(port));
        camel.getPropertiesComponent().setInitialProperties(properties);
        DecisionMetrics metrics = new DecisionMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        camel.addRoutes(new ProblemRouteConfiguration());
        camel.addRoutes(new RestSetup());
        camel.addRoutes(new HttpIntakeRoute(TOKENS, 4096));
        camel.addRoutes(new DecideRoute(new DecisionService(() -> Optional.of(engine), LOG, RequestHistories.NONE,
                Clock.systemUTC()), metrics));
        camel.addRoutes(new DispatchRoute());
        camel.addRoutes(new OutcomeRoutes(new ReleaseBuilder(REGISTER,
                new DerivedPseudonymKeys(new byte[32]), () -> Optional.of(engine))));
        camel.start();
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() {
        camel.stop();
    }

    private static HttpResponse<String> post(String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String request(String id, String purpose, String instrument, String fields, String subjects) {
        return """
                {"requestId":"%s","purpose":"%s","legalBasis":{"instrument":"%s","reference":"OvJ-1","authorisationReference":"RC-1"},
                 "caseReference":"ZAAK-1","subjects":[%s],"fields":[%s]}""".formatted(id, purpose, instrument, subjects, fields);
    }

    private static final String ONE = "{\"vNumber\":\"1000000001\"}";

    @Test
    void aPartialReleaseCarriesOnlyTheReleasedFieldsTransformedAsDecided() throws Exception {
        HttpResponse<String> response = post("police", request("HTTP-1", "TRACE_MISSING_RESIDENT", "SV_126ND",
                "\"name\",\"current_location\",\"health\",\"room\"", ONE + ",{\"vNumber\":\"1000000999\"}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode decision = JSON.readTree(response.body());
        assertThat(decision.path("decision").asText()).isEqualTo("PARTIALLY_RELEASED");
        assertThat(decision.path("ruleset").path("version").asInt()).isEqualTo(1);
        JsonNode subject = decision.path("release").path("subjects").get(0);
        assertThat(JSON.convertValue(subject, Map.class)).isEqualTo(Map.of("vNumber", "1000000001",
                "name", "Amina Haddad", "current_location", "Noord-Nederland"));
        assertThat(decision.path("release").path("notFound")).extracting(JsonNode::asText).containsExactly("1000000999");
        assertThat(decision.path("escalationId").isNull()).isTrue();
    }

    @Test
    void aReleaseIsTheStoredDecisionAsStoredWithTheReleaseAsItsLastMember() throws Exception {
        HttpResponse<String> response = post("police", request("HTTP-9", "TRACE_MISSING_RESIDENT", "SV_126ND",
                "\"name\",\"health\",\"current_location\"", ONE));

        assertThat(response.statusCode()).isEqualTo(200);
        String stored = LOG.byKey.get("police-demo/HTTP-9").decisionJson();
        assertThat(response.body()).startsWith(stored.substring(0, stored.length() - 1) + ",\"release\":{");
        ObjectNode answered = (ObjectNode) JSON.readTree(response.body());
        JsonNode release = answered.remove("release");
        assertThat(answered).isEqualTo(JSON.readTree(stored));
        assertThat(JSON.convertValue(release.path("subjects").get(0), Map.class)).isEqualTo(Map.of(
                "vNumber", "1000000001", "name", "Amina Haddad", "current_location", "Noord-Nederland"));
    }

    @Test
    void aDecisionIdIsATimeOrderedUuidStampedWhenItWasDecided() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        HttpResponse<String> response = post("police", request("HTTP-7", "IDENTIFICATION", "SV_126NC", "\"name\"", ONE));
        Instant after = Instant.now();

        assertThat(response.statusCode()).isEqualTo(200);
        UUID id = UUID.fromString(JSON.readTree(response.body()).path("decisionId").asText());
        assertThat(id.version()).isEqualTo(7);
        assertThat(TimeOrderedUuid.timeOf(id)).isBetween(before, after);
    }

    @Test
    void anEscalationAnswers202WithItsReviewAndNoRelease() throws Exception {
        HttpResponse<String> response = post("police", request("HTTP-2", "CRIMINAL_INVESTIGATION", "SV_126NF",
                "\"name\",\"health\"", ONE));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode decision = JSON.readTree(response.body());
        assertThat(decision.path("decision").asText()).isEqualTo("ESCALATED");
        assertThat(decision.path("escalationId").asText()).isNotBlank();
        assertThat(decision.has("release")).isFalse();
        assertThat(response.body()).doesNotContain("asthma", "Amina");
    }

    @Test
    void aRejectionIsAReasonedRefusalWithoutData() throws Exception {
        HttpResponse<String> response = post("police", request("HTTP-3", "GENERAL_SUPERVISION", "CONSENT",
                "\"name\",\"religion\"", ONE));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode decision = JSON.readTree(response.body());
        assertThat(decision.path("decision").asText()).isEqualTo("REJECTED");
        assertThat(decision.path("requestRules").get(0).path("rule").asText()).isEqualTo("REQ-CONSENT-01");
        assertThat(decision.path("requestRules").get(0).path("citation").asText()).contains("art. 7");
        assertThat(decision.has("release")).isFalse();
        assertThat(response.body()).doesNotContain("Amina");
    }

    @Test
    void theSameRequestAgainIsAReplayAndADifferentBodyIsAConflict() throws Exception {
        String body = request("HTTP-4", "IDENTIFICATION", "SV_126NC", "\"name\"", ONE);
        HttpResponse<String> first = post("police", body);
        HttpResponse<String> again = post("police", body.replace("\n", " ").replace(",\"caseReference\"", ", \"caseReference\""));
        HttpResponse<String> different = post("police", body.replace("\"name\"", "\"sex\""));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Doelbinding-Replay")).contains("true");
        assertThat(JSON.readTree(again.body()).path("decisionId")).isEqualTo(JSON.readTree(first.body()).path("decisionId"));
        assertThat(LOG.recorded.stream().filter(r -> r.request().requestId().equals("HTTP-4"))).hasSize(1);
        assertThat(different.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(different.body()).path("detail").asText()).contains("HTTP-4");
    }

    @Test
    void problemsAreProblemJsonWithTheRightStatus() throws Exception {
        HttpResponse<String> noToken = post(null, request("HTTP-5", "IDENTIFICATION", "SV_126NC", "\"name\"", ONE));
        HttpResponse<String> badToken = post("forged", request("HTTP-5", "IDENTIFICATION", "SV_126NC", "\"name\"", ONE));
        HttpResponse<String> wrongRole = post("auditor", request("HTTP-5", "IDENTIFICATION", "SV_126NC", "\"name\"", ONE));
        HttpResponse<String> unknownCode = post("police", request("HTTP-5", "IDENTIFICATION", "SV_126NC", "\"shoe_size\"", ONE));
        HttpResponse<String> badJson = post("police", "{\"requestId\": ");
        HttpResponse<String> tooLarge = post("police", request("HTTP-6", "IDENTIFICATION", "SV_126NC", "\"name\"", ONE)
                .replace("\"subjects\"", "\"justification\":\"" + "x".repeat(5000) + "\",\"subjects\""));

        assertProblem(noToken, 401, "no token");
        assertProblem(badToken, 401, "invalid token");
        assertProblem(wrongRole, 403, "police-requester");
        assertProblem(unknownCode, 400, "not valid");
        assertThat(JSON.readTree(unknownCode.body()).path("errors").get(0).path("property").asText()).isEqualTo("fields[0]");
        assertThat(JSON.readTree(unknownCode.body()).path("errors").get(0).path("message").asText()).contains("shoe_size");
        assertProblem(badJson, 400, "not valid JSON");
        assertProblem(tooLarge, 413, "4096");
        assertThat(LOG.findAll("HTTP-5")).isEmpty();
    }

    /**
     * The limit holds while the body arrives: a chunked body (no Content-Length to refuse it by) is refused
     * once the limit and the drain allowance are passed, not first taken in whole (Camel would otherwise cache
     * all of it, spooling to a temporary file what does not fit in memory, and answer only after its end). The
     * client sends 64 MiB and never the last chunk: the answer must come while it is still sending.
     */
    @Test
    void aChunkedBodyOverTheLimitIsRefusedWithoutWaitingForTheRest() throws Exception {
        byte[] data = new byte[64 * 1024];
        Arrays.fill(data, (byte) 'x');
        byte[] chunk = concat("10000\r\n".getBytes(StandardCharsets.US_ASCII), data,
                "\r\n".getBytes(StandardCharsets.US_ASCII));

        Answer answer = sendWhileReading(head("police", "Transfer-Encoding: chunked"), chunk, 1024); // no last chunk

        assertThat(answer.statusLines()).first().isEqualTo("HTTP/1.1 413 Payload Too Large");
        assertThat(answer.text()).contains("application/problem+json");
        assertThat(answer.sentAll()).as("the client could send all 64 MiB").isFalse();
    }

    /**
     * A body the server refuses without reading it (over the limit: 413; without a valid token: 401) is read to its
     * end (up to the drain allowance) and dropped before the answer, so that a client still sending gets the
     * answer rather than a reset connection, and the connection serves the next request. Here the next request is
     * sent right behind the body; without the drain the server would answer the first and close the connection on
     * the unread rest.
     */
    @Test
    void aRefusedBodyIsDrainedAndTheConnectionServesTheNextRequest() throws Exception {
        int length = 1024 * 1024;
        byte[] next = ("GET /api/v1/requests/HTTP-8 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer police\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        Answer tooLarge = sendWhileReading(concat(head("police", "Content-Length: " + length),
                new byte[length], next), new byte[0], 0);
        Answer forged = sendWhileReading(concat(head("forged", "Content-Length: " + length),
                new byte[length], next), new byte[0], 0);

        assertThat(tooLarge.statusLines()).containsExactly("HTTP/1.1 413 Payload Too Large", "HTTP/1.1 404 Not Found");
        assertThat(forged.statusLines()).containsExactly("HTTP/1.1 401 Unauthorized", "HTTP/1.1 404 Not Found");
    }

    /** A body the client stops sending before its end is the client's failure (400), not the server's (503). */
    @Test
    void aBodyCutOffBeforeItsEndIsABadRequest() throws Exception {
        List<String> answer = postPartly("Content-Length: 2000", "{\"requestId\":\"HTTP-7\",", true); // 22 of 2,000

        assertThat(answer.get(0)).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(answer).anySatisfy(h -> assertThat(h).startsWith("content-type: application/problem+json"));
        assertThat(String.join("\n", answer)).contains("could not be read in full");
        assertThat(LOG.findAll("HTTP-7")).isEmpty();
    }

    /** The head of a request with {@code token} and {@code framing} (the body's length or chunked). */
    private static byte[] head(String token, String framing) {
        return ("POST /api/v1/requests HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\n" + framing + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    /** What came back on a connection, and whether the client could send all it meant to. */
    private record Answer(String text, boolean sentAll) {
        List<String> statusLines() {
            return text.lines().filter(l -> l.startsWith("HTTP/1.1 ")).toList();
        }
    }

    /**
     * Sends {@code start} and then {@code piece} {@code times} times from another thread, while reading here
     * whatever comes back until the server closes the connection (or resets it: what was read stays read).
     */
    private static Answer sendWhileReading(byte[] start, byte[] piece, int times) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", URI.create(base).getPort())) {
            socket.setSoTimeout(30_000); // only so that a server waiting for the rest fails the test, not hangs it
            CompletableFuture<Boolean> sending = CompletableFuture.supplyAsync(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(start);
                    for (int i = 0; i < times; i++) {
                        out.write(piece);
                    }
                    out.flush();
                    return true;
                } catch (IOException e) {
                    return false; // the server stopped reading
                }
            });
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                    read.write(buffer, 0, n);
                }
            } catch (SocketException reset) {
                // the server closed with bytes of ours unread
            }
            socket.close(); // ends a sender still blocked on a full buffer
            return new Answer(read.toString(StandardCharsets.US_ASCII), sending.get());
        }
    }

    /**
     * Sends a police request's head with {@code framing} and then only {@code bodyStart}, closing the sending side
     * if asked, and returns the answer's lines (status line as sent; the rest in lower case) up to the end of its
     * head, or to the end of the connection when the sending side was closed.
     */
    private static List<String> postPartly(String framing, String bodyStart, boolean closeSending) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", URI.create(base).getPort())) {
            socket.setSoTimeout(30_000); // only so that a server waiting for the rest fails the test, not hangs it
            OutputStream out = socket.getOutputStream();
            out.write(concat(head("police", framing), bodyStart.getBytes(StandardCharsets.US_ASCII)));
            out.flush();
            if (closeSending) {
                socket.shutdownOutput();
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            List<String> lines = new ArrayList<>(List.of(in.readLine()));
            for (String line = in.readLine(); line != null && (closeSending || !line.isEmpty()); line = in.readLine()) {
                lines.add(line.toLowerCase(Locale.ROOT));
            }
            return lines;
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("https://doelbinding.nl/problems/");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).contains(detail);
    }
}
