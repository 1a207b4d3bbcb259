package nl.doelbinding.server.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Keycloak for development, tests and the demo: the server distribution, unzipped once
 * into a cache folder, started with {@code kc.sh start-dev} on loopback and the
 * {@code doelbinding} realm imported.
 *
 * <p>The unzipped distribution (with the Quarkus image Keycloak builds on its first start) is
 * kept between runs. The database is not: every run gets its own H2 file in a fresh temporary
 * folder ({@code --db-url}), removed on {@link #close()}. So the realm import is always clean,
 * a realm file edited since the last run is never silently skipped, and two builds on one
 * machine (several work trees) do not share a database. Starts are serialised per cache folder,
 * so only one process at a time may (re)build the image.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakServer.class);

    /** The distribution this class is tested with. */
    public static final String VERSION = "26.7.3";
    public static final String REALM = "doelbinding";
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * How to run it.
     *
     * @param distZip        {@code keycloak-quarkus-dist-26.7.3.zip}
     * @param home           the cache folder it is unzipped into
     * @param httpPort       HTTP port on 127.0.0.1
     * @param managementPort health port on 127.0.0.1
     * @param realmFile      the realm JSON to import
     * @param logFile        where Keycloak's output goes; null for a file in the run's own folder
     * @param startTimeout   how long to wait for readiness
     * @param adminUser      bootstrap admin of the master realm
     * @param adminPassword  its password
     */
    public record Settings(Path distZip, Path home, int httpPort, int managementPort, Path realmFile, Path logFile,
                           Duration startTimeout, String adminUser, String adminPassword) {

        public Settings {
            Objects.requireNonNull(distZip, "distZip");
            Objects.requireNonNull(home, "home");
            Objects.requireNonNull(realmFile, "realmFile");
            Objects.requireNonNull(startTimeout, "startTimeout");
            Objects.requireNonNull(adminUser, "adminUser");
            Objects.requireNonNull(adminPassword, "adminPassword");
        }

        /** {@code ~/.cache/doelbinding/keycloak-26.7.3}. */
        public static Path defaultHome() {
            return Path.of(System.getProperty("user.home"), ".cache", "doelbinding", "keycloak-" + VERSION);
        }

        /**
         * Ports 8080 and 9000, the default cache folder, admin {@code kcadmin}/{@code kcadmin}, and
         * 300 s to start: a first start builds the image, measured at 150 s on a loaded 2-core machine.
         */
        public static Settings of(Path distZip, Path realmFile) {
            return new Settings(distZip, defaultHome(), 8080, 9000, realmFile, null, Duration.ofSeconds(300), "kcadmin", "kcadmin");
        }

        public Settings withPorts(int http, int management) {
            return new Settings(distZip, home, http, management, realmFile, logFile, startTimeout, adminUser, adminPassword);
        }

        /** Two free loopback ports. */
        public Settings withFreePorts() {
            return withPorts(freePort(), freePort());
        }

        public Settings withHome(Path folder) {
            return new Settings(distZip, folder, httpPort, managementPort, realmFile, logFile, startTimeout, adminUser, adminPassword);
        }

        public Settings withLogFile(Path file) {
            return new Settings(distZip, home, httpPort, managementPort, realmFile, file, startTimeout, adminUser, adminPassword);
        }

        public Settings withStartTimeout(Duration timeout) {
            return new Settings(distZip, home, httpPort, managementPort, realmFile, logFile, timeout, adminUser, adminPassword);
        }
    }

    private final Settings settings;
    private final Process process;
    private final Path runDir;
    private final Path logFile;
    private final Duration startDuration;
    private final boolean freshlyUnzipped;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KeycloakServer(Settings settings, Process process, Path runDir, Path logFile, Duration startDuration,
                           boolean freshlyUnzipped) {
        this.settings = settings;
        this.process = process;
        this.runDir = runDir;
        this.logFile = logFile;
        this.startDuration = startDuration;
        this.freshlyUnzipped = freshlyUnzipped;
        this.shutdownHook = new Thread(this::stopProcessTree, "keycloak-shutdown");
    }

    /** Unzips if needed, starts Keycloak and returns once it reports ready. */
    public static KeycloakServer start(Settings settings) throws IOException {
        Path home = settings.home().toAbsolutePath();
        long unzipBegin = System.nanoTime();
        boolean unzipped = KeycloakDistribution.ensureUnzipped(settings.distZip(), home);
        if (unzipped) {
            LOG.info("Unzipped Keycloak {} in {} ms", VERSION, (System.nanoTime() - unzipBegin) / 1_000_000);
        }
        requireFree(settings.httpPort());
        requireFree(settings.managementPort());
        Path runDir = Files.createTempDirectory("doelbinding-keycloak-");
        Path logFile = settings.logFile() != null ? settings.logFile().toAbsolutePath() : runDir.resolve("keycloak.log");
        Files.createDirectories(logFile.getParent());
        installRealm(settings.realmFile(), home);

        try (StartLock lock = StartLock.acquire(home.resolve(".start.lock"), settings.startTimeout())) {
            long begin = System.nanoTime();
            Process process = launch(settings, home, runDir, logFile);
            try {
                awaitReady(process, settings, logFile, begin);
            } catch (IOException | RuntimeException e) {
                destroyTree(process);
                throw e;
            }
            Duration took = Duration.ofNanos(System.nanoTime() - begin);
            KeycloakServer server = new KeycloakServer(settings, process, runDir, logFile, took, unzipped);
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            LOG.info("Keycloak {} ready at {} in {} ms ({}; log {})", VERSION, server.issuer(), took.toMillis(),
                    unzipped ? "first start: builds its image" : "image reused", logFile);
            return server;
        }
    }

    private static void installRealm(Path realmFile, Path home) throws IOException {
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        Path target = importDir.resolve(realmFile.getFileName());
        Path tmp = Files.createTempFile(importDir, ".realm-", ".tmp");
        Files.copy(realmFile, tmp, StandardCopyOption.REPLACE_EXISTING);
        // Atomic, since a Keycloak of another build may be reading it while it starts.
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Process launch(Settings s, Path home, Path runDir, Path logFile) throws IOException {
        String dbUrl = "jdbc:h2:file:" + runDir.resolve("h2").resolve("keycloakdb") + ";NON_KEYWORDS=VALUE";
        List<String> command = List.of(
                home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + s.httpPort(),
                "--hostname=http://127.0.0.1:" + s.httpPort(),
                "--http-management-port=" + s.managementPort(),
                "--health-enabled=true",
                "--import-realm",
                "--db-url=" + dbUrl);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx1g");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", s.adminUser());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", s.adminPassword());
        LOG.debug("Starting {}", command);
        return builder.start();
    }

    private static void awaitReady(Process process, Settings s, Path logFile, long beginNanos) throws IOException {
        URI ready = URI.create("http://127.0.0.1:" + s.managementPort() + "/health/ready");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = beginNanos + s.startTimeout().toNanos();
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
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for Keycloak", e);
            }
            pause();
        }
        throw new IOException("Keycloak not ready within " + s.startTimeout().toSeconds() + " s; last lines of "
                + logFile + ":\n" + tail(logFile));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + settings.httpPort();
    }

    /** {@code http://127.0.0.1:PORT/realms/doelbinding}, exactly as in the tokens' {@code iss}. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public URI tokenEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/token");
    }

    public URI jwksUri() {
        return URI.create(issuer() + "/protocol/openid-connect/certs");
    }

    public Settings settings() {
        return settings;
    }

    public Path logFile() {
        return logFile;
    }

    /** From launching {@code kc.sh} until ready (not the unzip, not waiting for another start). */
    public Duration startDuration() {
        return startDuration;
    }

    public boolean freshlyUnzipped() {
        return freshlyUnzipped;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Sends SIGTERM to {@code kc.sh} and its Java process, waits for them, and removes the run's database. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; stopping twice is harmless
        }
        stopProcessTree();
        try {
            if (logFile.startsWith(runDir)) {
                KeycloakDistribution.deleteRecursively(runDir.resolve("h2"));
            } else {
                KeycloakDistribution.deleteRecursively(runDir);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", runDir, e.toString());
        }
    }

    private void stopProcessTree() {
        long begin = System.nanoTime();
        destroyTree(process);
        LOG.info("Keycloak on port {} stopped in {} ms", settings.httpPort(), (System.nanoTime() - begin) / 1_000_000);
    }

    private static void destroyTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);     // SIGTERM; kc.sh forwards it to Java as well
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

    private static void requireFree(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IOException("port " + port + " on 127.0.0.1 is in use", e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }

    /** Serialises starts on one cache folder across processes (and within this one). */
    private static final class StartLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private StartLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static StartLock acquire(Path file, Duration timeout) throws IOException {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean told = false;
            try {
                while (true) {
                    FileLock lock = tryLock(channel);
                    if (lock != null) {
                        return new StartLock(channel, lock);
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IOException("another Keycloak kept " + file + " locked for " + timeout.toSeconds() + " s");
                    }
                    if (!told) {
                        LOG.info("Waiting for another Keycloak to finish starting from the same folder");
                        told = true;
                    }
                    pause();
                }
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        }

        private static FileLock tryLock(FileChannel channel) throws IOException {
            try {
                return channel.tryLock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                return null;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
