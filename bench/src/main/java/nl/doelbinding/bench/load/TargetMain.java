package nl.doelbinding.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.doelbinding.server.app.DoelbindingServer;
import nl.doelbinding.server.app.ServerConfig;
import nl.doelbinding.server.identity.KeycloakServer;

/**
 * The child process {@link LoadBenchmark} measures, so that the target's CPU time is its own:
 * <ul>
 *   <li>{@code bare PORT BODY_FILE}: the bare Jetty handler answering with the file's bytes;</li>
 *   <li>{@code camel PORT BODY_FILE}: the Camel floor ({@link CamelFloor}) answering with the file's bytes;</li>
 *   <li>{@code server PORT DATA_DIR ISSUER JWKS POOL_SIZE [DATABASE_URL]}: the real server (embedded H2 in
 *       DATA_DIR, or the given empty database: PostgreSQL as user postgres, or an H2 URL with other options,
 *       as user sa; the synthetic register, the baseline
 *       ruleset with R8's history thresholds out of reach ({@link LoadRuleset})), otherwise as
 *       {@code bin/doelbinding demo} starts it;</li>
 *   <li>{@code keycloak ZIP REALM}: Keycloak alone on free ports, printing its URL (for repeated runs with
 *       {@code --keycloak-url}).</li>
 * </ul>
 * Prints {@code READY} when listening; stops when its standard input closes (so it never outlives the
 * benchmark).
 */
public final class TargetMain {
    private static final String HOST = "127.0.0.1";

    private TargetMain() {
    }

    public static void main(String[] args) throws Exception {
        AutoCloseable target;
        switch (args[0]) {
            case "bare" -> target = BareJetty.start(HOST, Integer.parseInt(args[1]), fixedBody(args));
            case "camel" -> target = CamelFloor.start(HOST, Integer.parseInt(args[1]), fixedBody(args));
            case "server" -> {
                ServerConfig config = new ServerConfig();
                config.http.port = Integer.parseInt(args[1]);
                config.dataDir = args[2];
                config.keycloak.issuer = args[3];
                config.keycloak.jwksUri = args[4];
                config.database.poolSize = Integer.parseInt(args[5]);
                if (args.length > 6) {
                    config.database.url = args[6];
                    config.database.user = args[6].startsWith("jdbc:h2:") ? "sa" : "postgres";
                }
                config.broker.enabled = false; // HTTP only: the queue has its own benchmark (QueueBenchmark)
                target = DoelbindingServer.start(config, LoadRuleset.baselineWithoutHistoryLimits());
            }
            case "keycloak" -> {
                KeycloakServer keycloak = KeycloakServer.start(KeycloakServer.Settings.of(Path.of(args[1]),
                        Path.of(args[2])).withFreePorts());
                System.out.println("KEYCLOAK " + keycloak.baseUrl());
                target = keycloak;
            }
            default -> throw new IllegalArgumentException("unknown target " + args[0]);
        }
        System.out.println("READY");
        System.out.flush();
        try {
            while (System.in.read() >= 0) {
                // wait for the parent to close our standard input
            }
        } catch (IOException e) {
            // parent gone
        }
        target.close();
        System.exit(0);
    }

    /** The bytes of the BODY_FILE argument of the fixed-body targets. */
    private static byte[] fixedBody(String[] args) throws IOException {
        return Files.readAllBytes(Path.of(args[2]));
    }
}
