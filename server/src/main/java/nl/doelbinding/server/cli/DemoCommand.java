package nl.doelbinding.server.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.doelbinding.server.app.DoelbindingServer;
import nl.doelbinding.server.app.ServerConfig;
import nl.doelbinding.server.identity.KeycloakServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code doelbinding demo}: Keycloak with the demo realm and the server with an embedded H2 database and
 * the synthetic register, both on 127.0.0.1; prints URLs, demo logins and a working curl example.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts Keycloak (demo realm) and the server with an embedded database and a synthetic"
                + " resident register on 127.0.0.1. Stops both on Ctrl-C or SIGTERM.")
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Option(names = "--port", defaultValue = "8080", description = "The server's port (default: ${DEFAULT-VALUE}).")
    int port;

    @CommandLine.Option(names = "--keycloak-port", defaultValue = "8180",
            description = "Keycloak's port (default: ${DEFAULT-VALUE}); its management port is this + 1.")
    int keycloakPort;

    @CommandLine.Option(names = "--amqp-port", defaultValue = "5673",
            description = "The embedded broker's AMQP 1.0 port (default: ${DEFAULT-VALUE}).")
    int amqpPort;

    @CommandLine.Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
            description = "The data folder: database, keys, logs (default: ${DEFAULT-VALUE}).")
    Path data;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path zip = Path.of(required("doelbinding.keycloak.dist"));
        Path realm = Path.of(required("doelbinding.keycloak.realm"));
        Files.createDirectories(data);
        out.println("Starting Keycloak on 127.0.0.1:" + keycloakPort + " (the first start builds its image: a minute or two)...");
        out.flush();
        KeycloakServer keycloak = KeycloakServer.start(KeycloakServer.Settings.of(zip, realm)
                .withPorts(keycloakPort, keycloakPort + 1).withLogFile(data.resolve("keycloak.log").toAbsolutePath()));
        DoelbindingServer server;
        try {
            ServerConfig config = new ServerConfig();
            config.dataDir = data.toString();
            config.http.port = port;
            config.keycloak.issuer = keycloak.issuer();
            config.keycloak.jwksUri = keycloak.jwksUri().toString();
            config.broker.port = amqpPort;
            ServerConfig.FileBinding binding = new ServerConfig.FileBinding();
            binding.name = "police-demo";
            binding.clientId = "police-demo";
            binding.clientSecret = "police-demo-secret";
            config.fileDrop.bindings.add(binding);
            out.println("Starting the server on 127.0.0.1:" + port + "...");
            out.flush();
            server = DoelbindingServer.start(config, RulesetLocation.baseline());
            awaitHealthy(server.baseUrl() + "/health");
        } catch (Exception e) {
            keycloak.close();
            throw e;
        }
        printWelcome(out, server, keycloak);
        ServeCommand.awaitShutdown(server, keycloak);
        return 0;
    }

    private static void awaitHealthy(String url) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the server started but is not healthy: " + response.body());
        }
    }

    private void printWelcome(PrintWriter out, DoelbindingServer server, KeycloakServer keycloak) {
        String base = server.baseUrl();
        String token = keycloak.tokenEndpoint().toString();
        out.println();
        out.println("Doelbinding demo is ready.");
        out.println();
        out.println("  API        " + base + "/api/v1/requests");
        out.println("  Health     " + base + "/health");
        out.println("  Metrics    " + base + "/metrics");
        out.println("  AMQP 1.0   " + server.channels().amqpUrl().orElse("(off)")
                + "  queue doelbinding.requests -> replies on doelbinding.decisions (or police-demo.<name>), dead letters"
                + " on doelbinding.requests.DLQ");
        out.println("             connect with SASL PLAIN, an access token as the password (police-requester; admin for"
                + " the dead letters)");
        for (var binding : server.channels().bindings()) {
            out.println("  File drop  " + binding.name() + ": put batches in " + binding.inbox());
            out.println("             decisions appear in " + binding.outbox() + ", refused batches in " + binding.failed());
        }
        out.println("  Keycloak   " + keycloak.baseUrl() + "/admin  (admin: kcadmin / kcadmin)");
        out.println("  Data       " + data.toAbsolutePath());
        out.println();
        out.println("  Police client (client credentials): police-demo / police-demo-secret  (unit Demo-Eenheid)");
        out.println("  People (password 'demo', client 'console'): author, approver, reviewer, auditor, admin, privacy");
        out.println("  Residents: V-numbers 1000000001 .. 1000002000 (synthetic)");
        out.println("  Volume (legal catalogue R8): a unit's 21st request in 30 days, or requests naming more than 10% of");
        out.println("  a location's residents, are escalated to a reviewer; the demo's data folder keeps the count.");
        out.println();
        out.println("Try it:");
        out.println();
        out.println("  TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=police-demo \\");
        out.println("      -d client_secret=police-demo-secret " + token + " \\");
        out.println("      | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')");
        out.println("  curl -s -X POST " + base + "/api/v1/requests -H \"Authorization: Bearer $TOKEN\" \\");
        out.println("      -H 'Content-Type: application/json' -d '{\"requestId\":\"DEMO-1\",\"purpose\":\"TRACE_MISSING_RESIDENT\","
                + "\"legalBasis\":{\"instrument\":\"SV_126ND\",\"reference\":\"OvJ-2026-1\"},\"caseReference\":\"ZAAK-1\","
                + "\"subjects\":[{\"vNumber\":\"1000000001\"}],\"fields\":[\"name\",\"date_of_birth\",\"current_location\",\"health\"]}'");
        out.println();
        out.println("  Batch: put a file {\"requests\": [ <requests as above> ]} named *.json in the inbox (write it under");
        out.println("  another name first, then rename); the decisions come back as <name>.decisions.json. See docs/channels.md.");
        out.println();
        out.println("  Rulesets, as a person logged in through the browser (e.g. auditor / demo):");
        out.println("  bin/doelbinding rulesets list --server " + base + " --keycloak " + keycloak.issuer() + " --browser");
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("start the demo through bin/doelbinding (missing -D" + property + ")");
        }
        return value;
    }
}
