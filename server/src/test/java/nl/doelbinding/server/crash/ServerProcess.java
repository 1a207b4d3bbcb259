package nl.doelbinding.server.crash;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/** The server as a separate JVM ({@code doelbinding serve --config}), so that a test can kill it with SIGKILL. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final String baseUrl;

    private ServerProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static ServerProcess start(Path config, Path log, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), "nl.doelbinding.server.cli.DoelbindingCommand", "serve",
                "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        ServerProcess server = new ServerProcess(builder.start(), "http://127.0.0.1:" + port);
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await("server healthy").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!server.process.isAlive()) {
                        throw new IllegalStateException("the server process exited with " + server.process.exitValue()
                                + "; the end of " + log + ":\n" + tail(log, 40));
                    }
                    try {
                        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl + "/health")).build(),
                                HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
        return server;
    }

    /** The last lines of the server's log (operational lines only: the server never logs field values). */
    private static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

}
