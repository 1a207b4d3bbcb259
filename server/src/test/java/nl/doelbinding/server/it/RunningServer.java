package nl.doelbinding.server.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import nl.doelbinding.engine.ruleset.RulesetSource;
import nl.doelbinding.server.app.DoelbindingServer;
import nl.doelbinding.server.app.ServerConfig;
import nl.doelbinding.server.cli.RulesetLocation;
import nl.doelbinding.server.identity.KeycloakServer;
import nl.doelbinding.server.identity.TokenClient;

/**
 * One in-process Doelbinding server on a free loopback port, against the test Keycloak, with the synthetic
 * register loaded into its database; plus the HTTP client, tokens and direct database access the tests use.
 */
final class RunningServer implements AutoCloseable {
    final DoelbindingServer server;
    final Api api;
    final Tokens tokens;
    final KeycloakServer keycloak;
    final RulesetSource baseline;
    private final AtomicInteger ids = new AtomicInteger();

    private RunningServer(DoelbindingServer server, KeycloakServer keycloak, RulesetSource baseline) {
        this.server = server;
        this.keycloak = keycloak;
        this.baseline = baseline;
        this.api = new Api(server.baseUrl());
        this.tokens = new Tokens(new TokenClient(keycloak.tokenEndpoint()));
    }

    /**
     * A server whose first ruleset is the baseline with R8's history thresholds out of reach: every test of a
     * class sends its requests as police-demo, one unit, far more than 20 in the window. {@code VolumeIT} runs
     * the baseline as it is.
     */
    static RunningServer start(KeycloakServer keycloak, Path dataDir, Consumer<ServerConfig> database) throws Exception {
        return start(keycloak, dataDir, database, withoutHistoryLimits(RulesetLocation.baseline()));
    }

    private static final int REQUESTS = 20;
    private static final int REQUESTS_OUT_OF_REACH = 1_000_000_000;
    private static final int COVERAGE = 10;
    private static final int COVERAGE_OUT_OF_REACH = 99;
    private static final java.util.regex.Pattern HISTORY = java.util.regex.Pattern.compile(
            "history: \\{ earlierRequests: (\\d+), locationCoverage: (\\d+) }");
    private static final java.util.regex.Pattern SCOPED_EARLIER = java.util.regex.Pattern.compile(
            "earlierRequests: \\[([\\d, ]+)]");
    private static final java.util.regex.Pattern SCOPED_COVERAGE = java.util.regex.Pattern.compile(
            "locationCoverage: \\[([\\d, ]+)]");

    /**
     * The baseline with R8's thresholds where no test of a class reaches them (a billion requests, 99% of a
     * location), and its scenarios' histories and its invariants' history scopes moved with them, class for class,
     * so that the variant still passes its own checks when a lifecycle test uploads it.
     */
    static RulesetSource withoutHistoryLimits(RulesetSource baseline) {
        Map<String, String> files = new java.util.TreeMap<>(baseline.files());
        String policy = "catalogue/policy.yaml";
        String relaxed = files.get(policy)
                .replace("  requestThreshold: " + REQUESTS + "\n", "  requestThreshold: " + REQUESTS_OUT_OF_REACH + "\n")
                .replace("  coverageThreshold: " + COVERAGE + "\n", "  coverageThreshold: " + COVERAGE_OUT_OF_REACH + "\n");
        if (!relaxed.contains("requestThreshold: " + REQUESTS_OUT_OF_REACH + "\n")
                || !relaxed.contains("coverageThreshold: " + COVERAGE_OUT_OF_REACH + "\n")) {
            throw new IllegalStateException("the baseline's R8 thresholds are no longer 20 requests and 10%");
        }
        files.put(policy, relaxed);
        files.replaceAll((path, text) -> path.startsWith("scenarios/") ? HISTORY.matcher(text).replaceAll(m ->
                "history: { earlierRequests: " + earlier(Integer.parseInt(m.group(1))) + ", locationCoverage: "
                        + coverage(Integer.parseInt(m.group(2))) + " }") : text);
        files.replaceAll((path, text) -> path.startsWith("invariants/") ? moved(SCOPED_COVERAGE, "locationCoverage",
                RunningServer::coverage, moved(SCOPED_EARLIER, "earlierRequests", RunningServer::earlier, text)) : text);
        return RulesetSource.of(files);
    }

    private static String moved(java.util.regex.Pattern key, String name, java.util.function.IntUnaryOperator move,
                                String text) {
        return key.matcher(text).replaceAll(m -> name + ": [" + java.util.Arrays.stream(m.group(1).split(","))
                .map(String::strip).mapToInt(Integer::parseInt).map(move).mapToObj(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", ")) + "]");
    }

    private static int earlier(int requests) {
        if (requests >= REQUESTS) {
            return requests - REQUESTS + REQUESTS_OUT_OF_REACH;
        }
        return requests == REQUESTS - 1 ? REQUESTS_OUT_OF_REACH - 1 : requests;
    }

    private static int coverage(int percent) {
        if (percent > COVERAGE) {
            return 100;
        }
        return percent == COVERAGE ? COVERAGE_OUT_OF_REACH : percent;
    }

    static RunningServer start(KeycloakServer keycloak, Path dataDir, Consumer<ServerConfig> database,
                               RulesetSource baseline) throws Exception {
        ServerConfig config = new ServerConfig();
        config.dataDir = dataDir.toString();
        config.http.port = freePort();
        config.broker.port = freePort();
        config.keycloak.issuer = keycloak.issuer();
        config.keycloak.jwksUri = keycloak.jwksUri().toString();
        config.residents.source = "synthetic";
        database.accept(config);
        return new RunningServer(DoelbindingServer.start(config, baseline), keycloak, baseline);
    }

    /** Another node on the same database, Keycloak and data folder, listening on its own free port. */
    RunningServer anotherNode() throws Exception {
        ServerConfig first = server.config();
        ServerConfig config = new ServerConfig();
        config.dataDir = first.dataDir;
        config.database = first.database;
        config.keycloak = first.keycloak;
        config.residents = first.residents;
        config.rulesetPollSeconds = first.rulesetPollSeconds;
        config.http.port = freePort();
        // Nodes that share a data folder cannot share an embedded broker's journal (each would use an
        // external broker in production); this node takes no queue requests.
        config.broker.enabled = false;
        return new RunningServer(DoelbindingServer.start(config, baseline), keycloak, baseline);
    }

    /** A request id no other test of this server uses. */
    String requestId(String label) {
        return "IT-" + label + "-" + ids.incrementAndGet();
    }

    Api.Reply submit(Caller caller, RequestBody body) {
        return api.post("/api/v1/requests", tokens.of(caller), body.json());
    }

    Api.Reply get(Caller caller, String path) {
        return api.get(path, tokens.of(caller));
    }

    Api.Reply post(Caller caller, String path, String body) {
        return api.post(path, tokens.of(caller), body);
    }

    /** The resident's row in the register table, column name (lower case) to value, read straight from the database. */
    Map<String, String> resident(String vNumber) throws SQLException {
        try (Connection c = server.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM residents WHERE v_number = ?")) {
            ps.setString(1, vNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("resident " + vNumber + " is not in the register");
                }
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getString(i));
                }
                return row;
            }
        }
    }

    /** The V-numbers the register holds at a reception location, in order, read straight from the database. */
    java.util.List<String> residentsAt(String location) throws SQLException {
        try (Connection c = server.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT v_number FROM residents WHERE current_location = ? ORDER BY v_number")) {
            ps.setString(1, location);
            java.util.List<String> found = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        }
    }

    /** Runs one statement directly on the server's database, as someone with database access could. */
    int execute(String sql, Object... params) throws SQLException {
        try (Connection c = server.database().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
