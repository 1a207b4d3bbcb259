package nl.doelbinding.server.identity;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One {@code kc.sh start-dev} process: launch, wait until ready, stop. */
final class KeycloakProcess {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakProcess.class);
    private static final long POLL_MILLIS = 250;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;

    private KeycloakProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts Keycloak on the H2 database file {@code database} (without the {@code .mv.db}
     * suffix) and returns once {@code /health/ready} answers 200, or throws with the log's tail.
     *
     * @param importRealm whether to import the realms in {@code <home>/data/import}
     */
    static KeycloakProcess startAndAwaitReady(KeycloakServer.Settings s, Path home, Path database, boolean importRealm,
                                              Path logFile) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + s.httpPort(),
                "--hostname=http://127.0.0.1:" + s.httpPort(),
                "--http-management-port=" + s.managementPort(),
                "--health-enabled=true",
                "--db-url=jdbc:h2:file:" + database + ";NON_KEYWORDS=VALUE"));
        if (importRealm) {
            command.add("--import-realm");
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx1g");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", s.adminUser());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", s.adminPassword());
        LOG.debug("Starting {}", command);
        KeycloakProcess keycloak = new KeycloakProcess(builder.start());
        try {
            keycloak.awaitReady(s, logFile);
            return keycloak;
        } catch (IOException | RuntimeException e) {
            keycloak.stop();
            throw e;
        }
    }

    private void awaitReady(KeycloakServer.Settings s, Path logFile) throws IOException {
        URI ready = URI.create("http://127.0.0.1:" + s.managementPort() + "/health/ready");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + s.startTimeout().toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IOException("Keycloak exited with " + process.exitValue() + " while starting; last lines of "
                            + logFile + ":\n" + tail(logFile));
                }
                try {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    // expected while it boots
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Keycloak", e);
        }
        throw new IOException("Keycloak not ready within " + s.startTimeout().toSeconds() + " s; last lines of "
                + logFile + ":\n" + tail(logFile));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM to {@code kc.sh} and its Java process (kc.sh forwards it too), then waits; SIGKILL after 30 s. */
    void stop() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.warn("Process {} ignored SIGTERM for {} s; killing it", handle.pid(), STOP_TIMEOUT.toSeconds());
                handle.destroyForcibly();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            }
        }
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
