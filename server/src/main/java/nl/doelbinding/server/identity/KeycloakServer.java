package nl.doelbinding.server.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Keycloak for development, tests and the demo: the server distribution, unzipped once
 * into a cache folder, started with {@code kc.sh start-dev} on loopback and the
 * {@code doelbinding} realm imported.
 *
 * <p>Kept between runs in the cache folder: the unzipped distribution with the Quarkus image
 * Keycloak builds on its first start, and a {@link RealmDatabaseTemplate} per realm file (schema
 * and imported realm). Not kept: every run starts on its own copy of that template in a fresh
 * temporary folder ({@code --db-url}), removed on {@link #close()}. So each run begins from a
 * clean, just-imported realm, an edited realm file is never silently skipped by the import,
 * several work trees on one machine never share a database, and a start costs about what a
 * restart costs. Starts are serialised per cache folder, so only one process at a time builds
 * the image or a template.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakServer.class);

    /** The distribution this class is tested with. */
    public static final String VERSION = "26.7.3";
    public static final String REALM = "doelbinding";

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
    private final KeycloakProcess process;
    private final Path runDir;
    private final Path logFile;
    private final Duration startDuration;
    private final boolean freshlyUnzipped;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KeycloakServer(Settings settings, KeycloakProcess process, Path runDir, Path logFile, Duration startDuration,
                           boolean freshlyUnzipped) {
        this.settings = settings;
        this.process = process;
        this.runDir = runDir;
        this.logFile = logFile;
        this.startDuration = startDuration;
        this.freshlyUnzipped = freshlyUnzipped;
        this.shutdownHook = new Thread(this::stopProcess, "keycloak-shutdown");
    }

    /** Unzips if needed, makes the database template if needed, starts Keycloak and returns once it is ready. */
    @SuppressWarnings("try") // the lock is held for the block, never used in it
    public static KeycloakServer start(Settings settings) throws IOException {
        Path home = settings.home().toAbsolutePath();
        long unzipBegin = System.nanoTime();
        boolean unzipped = KeycloakDistribution.ensureUnzipped(settings.distZip(), home);
        if (unzipped) {
            LOG.info("Unzipped Keycloak {} in {} ms", VERSION, millisSince(unzipBegin));
        }
        requireFree(settings.httpPort());
        requireFree(settings.managementPort());
        Path runDir = Files.createTempDirectory("doelbinding-keycloak-");
        Path logFile = settings.logFile() != null ? settings.logFile().toAbsolutePath() : runDir.resolve("keycloak.log");
        Files.createDirectories(logFile.getParent());
        Files.write(logFile, new byte[0]);

        try (StartLock lock = StartLock.acquire(home.resolve(".start.lock"), settings.startTimeout())) {
            RealmDatabaseTemplate template = RealmDatabaseTemplate.forRealm(home, settings.realmFile());
            if (!template.isComplete()) {
                makeTemplate(settings, home, template, logFile);
            }
            long begin = System.nanoTime();
            Path database = template.copyInto(runDir.resolve("h2"));
            KeycloakProcess process = KeycloakProcess.startAndAwaitReady(settings, home, database, false, logFile);
            Duration took = Duration.ofNanos(System.nanoTime() - begin);
            KeycloakServer server = new KeycloakServer(settings, process, runDir, logFile, took, unzipped);
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            LOG.info("Keycloak {} ready at {} in {} ms (log {})", VERSION, server.issuer(), took.toMillis(), logFile);
            return server;
        }
    }

    /** One start that creates the schema and imports the realm, stopped cleanly so its H2 file can be copied. */
    private static void makeTemplate(Settings settings, Path home, RealmDatabaseTemplate template, Path logFile) throws IOException {
        long begin = System.nanoTime();
        installRealm(settings.realmFile(), home);
        Path database = template.prepare();
        KeycloakProcess first = KeycloakProcess.startAndAwaitReady(settings, home, database, true, logFile);
        first.stop();
        template.markComplete();
        LOG.info("Made the Keycloak database template {} in {} ms (includes building the image on a first start)",
                template, millisSince(begin));
    }

    private static void installRealm(Path realmFile, Path home) throws IOException {
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        Path target = importDir.resolve(realmFile.getFileName());
        Path tmp = Files.createTempFile(importDir, ".realm-", ".tmp");
        Files.copy(realmFile, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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

    /** From copying the database template to ready: not the unzip, not making a template, not waiting for another start. */
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
        stopProcess();
        try {
            // Keep a log that lives in the run folder only if the caller asked for no log file of its own.
            KeycloakDistribution.deleteRecursively(logFile.startsWith(runDir) ? runDir.resolve("h2") : runDir);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", runDir, e.toString());
        }
    }

    private void stopProcess() {
        long begin = System.nanoTime();
        process.stop();
        LOG.info("Keycloak on port {} stopped in {} ms", settings.httpPort(), millisSince(begin));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
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
}
