package nl.doelbinding.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options of {@link LoadBenchmark}: {@code --name value}, every one optional. */
public final class Options {
    /** The targets {@code --targets} may name, in the order they run. */
    public static final List<String> TARGETS = List.of("server", "camel", "bare");

    static final String USAGE = """
            LoadBenchmark: HTTP load on the real server (real Keycloak tokens, embedded H2, synthetic register)
            next to Camel over Jetty (the server's REST configuration, one route answering a fixed body) and
            a bare Jetty handler, in one run. Loopback only; every phase stops by itself.

              --workers N          concurrent workers (platform threads, one connection each)   [32]
              --client KIND        socket (a lean blocking HTTP/1.1 client per worker) or jdk
                                   (the JDK HttpClient)                                      [socket]
              --clients N          with --client jdk: HttpClient instances the workers share       [4]
              --executor KIND      with --client jdk: the clients' executor, direct (selector
                                   thread) or pool (JDK default)                             [direct]
              --warmup SECONDS     closed-loop warm-up per target, not measured                  [20]
              --duration SECONDS   each measured phase                                            [30]
              --rate R             also a paced phase at R requests/s per target (0: none)      [1500]
              --mix S,E,R          percent standard / escalation / rejection requests      [80,10,10]
              --sample N           check the decision in the body of 1 response in N             [20]
              --targets LIST       any of server,camel,bare (run in that order)   [server,camel,bare]
              --pool-size N        the server's database pool size                              [10]
              --database URL       the server's database: an empty PostgreSQL database (user postgres)
                                   instead of embedded H2, e.g. jdbc:postgresql://127.0.0.1:5432/bench,
                                   or a new H2 file with other options (user sa)
              --target-jvm OPTS    JVM options of the target processes          ["-Xms1g -Xmx1g"]
              --keycloak-url URL   use this running Keycloak (realm doelbinding) instead of starting one
              --keycloak-dist ZIP  keycloak-quarkus-dist-26.7.3.zip  [~/.m2/.../keycloak-quarkus-dist-26.7.3.zip]
              --realm FILE         realm to import  [server/src/main/keycloak/doelbinding-realm.json]
              --results DIR        where the report, JSON and histograms go             [bench/results]
              --seed N             random seed of the request mix                                  [1]
            """;

    int workers = 32;
    LoadDriver.Client client = LoadDriver.Client.SOCKET;
    int clients = 4;
    boolean directExecutor = true;
    Duration warmup = Duration.ofSeconds(20);
    Duration duration = Duration.ofSeconds(30);
    double rate = 1500;
    int[] mix = {80, 10, 10};
    int sampleEvery = 20;
    List<String> targets = TARGETS;
    int poolSize = 10;
    String databaseUrl;
    String targetJvm = "-Xms1g -Xmx1g";
    String keycloakUrl;
    Path keycloakDist = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak",
            "keycloak-quarkus-dist", "26.7.3", "keycloak-quarkus-dist-26.7.3.zip");
    Path realm = Path.of("server", "src", "main", "keycloak", "doelbinding-realm.json");
    Path results = Path.of("bench", "results");
    long seed = 1;
    final Map<String, String> given = new LinkedHashMap<>();

    /** Parses the arguments; a wrong one throws {@link IllegalArgumentException} with the usage. */
    public static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + name + "\n" + USAGE);
            }
            String value = args[++i];
            o.given.put(name, value);
            switch (name) {
                case "--workers" -> o.workers = positive(name, Integer.parseInt(value));
                case "--client" -> {
                    if (!value.equals("socket") && !value.equals("jdk")) {
                        throw new IllegalArgumentException("--client takes socket or jdk");
                    }
                    o.client = LoadDriver.Client.valueOf(value.toUpperCase(java.util.Locale.ROOT));
                }
                case "--clients" -> o.clients = positive(name, Integer.parseInt(value));
                case "--executor" -> {
                    if (!value.equals("direct") && !value.equals("pool")) {
                        throw new IllegalArgumentException("--executor takes direct or pool");
                    }
                    o.directExecutor = value.equals("direct");
                }
                case "--warmup" -> o.warmup = Duration.ofSeconds(Long.parseLong(value));
                case "--duration" -> o.duration = Duration.ofSeconds(positive(name, Integer.parseInt(value)));
                case "--rate" -> o.rate = Double.parseDouble(value);
                case "--mix" -> o.mix = Arrays.stream(value.split(",")).mapToInt(s -> Integer.parseInt(s.trim()))
                        .toArray();
                case "--sample" -> o.sampleEvery = positive(name, Integer.parseInt(value));
                case "--targets" -> o.targets = Arrays.stream(value.split(",")).map(String::trim).toList();
                case "--pool-size" -> o.poolSize = positive(name, Integer.parseInt(value));
                case "--database" -> {
                    if (!value.startsWith("jdbc:postgresql:") && !value.startsWith("jdbc:h2:")) {
                        throw new IllegalArgumentException("--database takes a jdbc:postgresql: or jdbc:h2: URL");
                    }
                    o.databaseUrl = value;
                }
                case "--target-jvm" -> o.targetJvm = value;
                case "--keycloak-url" -> o.keycloakUrl = value.replaceAll("/+$", "");
                case "--keycloak-dist" -> o.keycloakDist = Path.of(value);
                case "--realm" -> o.realm = Path.of(value);
                case "--results" -> o.results = Path.of(value);
                case "--seed" -> o.seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        for (String t : o.targets) {
            if (!TARGETS.contains(t)) {
                throw new IllegalArgumentException("--targets takes any of " + String.join(",", TARGETS) + ", not "
                        + t);
            }
        }
        List<String> named = o.targets;
        o.targets = TARGETS.stream().filter(named::contains).toList();
        if (o.clients > o.workers) {
            o.clients = o.workers;
        }
        if (o.duration.toSeconds() > 600 || o.warmup.toSeconds() > 600) {
            throw new IllegalArgumentException("phases are limited to 600 s each");
        }
        return o;
    }

    /** The server's database, as the report names it (never with credentials: the URL carries none). */
    String database() {
        return databaseUrl == null ? "embedded H2" : databaseUrl;
    }

    /** The targets to measure, in the order they run. */
    public List<String> targets() {
        return targets;
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return value;
    }

    String describe() {
        return "workers " + workers + ", " + (client == LoadDriver.Client.SOCKET ? "lean socket client per worker"
                : "JDK HttpClient: " + clients + " clients (" + (directExecutor ? "direct" : "pool") + " executor)")
                + ", warm-up " + warmup.toSeconds() + " s, measured "
                + duration.toSeconds() + " s per phase, paced rate " + (rate > 0 ? (long) rate + "/s" : "none")
                + ", mix " + mix[0] + "/" + mix[1] + "/" + mix[2] + " (standard/escalation/rejection)"
                + ", body check 1 in " + sampleEvery + ", db " + database() + ", db pool " + poolSize + ", target JVM [" + targetJvm + "]";
    }
}
