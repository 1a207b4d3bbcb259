package nl.doelbinding.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import nl.doelbinding.server.app.DoelbindingServer;
import nl.doelbinding.server.app.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code doelbinding serve --config FILE}: runs the server alone against configured Keycloak, database and register. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the server against the Keycloak, database (H2 or PostgreSQL) and resident register of a"
                + " configuration file (see docs/operations.md). Stops on Ctrl-C or SIGTERM.")
final class ServeCommand implements Callable<Integer> {
    @CommandLine.Option(names = "--config", required = true, paramLabel = "FILE", description = "The YAML configuration.")
    Path config;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ServerConfig settings = ServerConfig.read(config);
        DoelbindingServer server = DoelbindingServer.start(settings, RulesetLocation.baseline());
        spec.commandLine().getOut().println("doelbinding serving on " + server.baseUrl() + " (health: "
                + server.baseUrl() + "/health)");
        spec.commandLine().getOut().flush();
        awaitShutdown(server);
        return 0;
    }

    /** Blocks until the JVM is asked to stop, then closes what was started. */
    static void awaitShutdown(AutoCloseable... running) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (AutoCloseable closeable : running) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.err.println("stopping: " + e.getClass().getSimpleName());
                }
            }
            stopped.countDown();
        }, "doelbinding-shutdown"));
        stopped.await();
    }
}
