package nl.doelbinding.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;

/**
 * How the admin commands reach a running server: its URL, and an access token obtained from Keycloak through
 * the public {@code console} client: in the browser ({@code --browser}, {@link DeviceLogin}), with a password
 * (resource-owner password grant, {@code --user}), or given as is ({@code --token}).
 */
final class ServerConnection {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @CommandLine.Option(names = "--server", required = true, paramLabel = "URL",
            description = "The server, such as http://127.0.0.1:8080.")
    String server;

    @CommandLine.Option(names = "--keycloak", paramLabel = "URL",
            description = "The realm's URL, such as http://127.0.0.1:8180/realms/doelbinding (with --user).")
    String keycloak;

    @CommandLine.Option(names = "--user", paramLabel = "NAME", description = "The user (password grant).")
    String user;

    @CommandLine.Option(names = "--browser", description = "Log in in a browser instead of with a password: the "
            + "command prints a URL and a code (OAuth 2.0 device authorization grant; with --keycloak).")
    boolean browser;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec command;

    @CommandLine.Option(names = "--password", paramLabel = "PASSWORD", interactive = true, arity = "0..1",
            description = "The user's password; without a value it is asked for; default: $DOELBINDING_PASSWORD.")
    String password;

    @CommandLine.Option(names = "--token", paramLabel = "TOKEN",
            description = "An access token to use as is (default: $DOELBINDING_TOKEN).")
    String token;

    /** A server's answer. */
    record Reply(int status, String contentType, String body) {
        boolean ok() {
            return status / 100 == 2;
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    Reply post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(URI.create(server.replaceAll("/+$", "") + path))
                .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + accessToken());
    }

    private Reply send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private String accessToken() throws IOException, InterruptedException {
        if (token == null) {
            token = System.getenv("DOELBINDING_TOKEN");
        }
        if (token != null && !token.isBlank()) {
            return token;
        }
        if (keycloak != null && browser) {
            token = new DeviceLogin(http, keycloak, "console").accessToken(command.commandLine().getErr());
            return token;
        }
        if (keycloak == null || user == null) {
            throw new IOException("give --keycloak URL and --user NAME (with --password) or --browser, or --token");
        }
        String secret = password != null ? password : System.getenv("DOELBINDING_PASSWORD");
        if (secret == null) {
            throw new IOException("no password: give --password or set DOELBINDING_PASSWORD");
        }
        Map<String, String> form = Map.of("grant_type", "password", "client_id", "console", "username", user,
                "password", secret, "scope", "openid");
        String body = FormBody.of(form);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak.replaceAll("/+$", "")
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", FormBody.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            // Keycloak's error body names the OAuth error, never the credential.
            throw new IOException("Keycloak refused the login (" + response.statusCode() + "): " + response.body());
        }
        token = JSON.readTree(response.body()).path("access_token").asText();
        return token;
    }
}
