package nl.doelbinding.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The browser login's protocol (RFC 8628) against a stand-in for Keycloak's two endpoints; the real Keycloak,
 * with a person approving in its pages, is LifecycleContract's.
 */
class DeviceLoginTest {
    private static final String STARTED = """
            {"device_code":"dev-123","user_code":"ABCD-EFGH","verification_uri":"http://kc/realms/r/device",
             "verification_uri_complete":"http://kc/realms/r/device?user_code=ABCD-EFGH","expires_in":600,
             "interval":0}""";

    private final Deque<String[]> answers = new ArrayDeque<>();
    private final List<String> polls = new ArrayList<>();
    private final List<String> challenges = new ArrayList<>();
    private HttpServer keycloak;

    private String realm(String startStatusAndBody) throws IOException {
        keycloak = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keycloak.createContext("/realms/r/protocol/openid-connect/auth/device", exchange -> {
            String form = read(exchange);
            String[] answer = startStatusAndBody.split(" ", 2);
            challenges.add(URLDecoder.decode(form, StandardCharsets.UTF_8));
            reply(exchange, form.contains("client_id=console") ? Integer.parseInt(answer[0]) : 400, answer[1]);
        });
        keycloak.createContext("/realms/r/protocol/openid-connect/token", exchange -> {
            polls.add(URLDecoder.decode(read(exchange), StandardCharsets.UTF_8));
            String[] answer = answers.removeFirst();
            reply(exchange, Integer.parseInt(answer[0]), answer[1]);
        });
        keycloak.start();
        return "http://127.0.0.1:" + keycloak.getAddress().getPort() + "/realms/r/";
    }

    @AfterEach
    void stop() {
        if (keycloak != null) {
            keycloak.stop(0);
        }
    }

    @Test
    void printsWhereToLogInAndPollsUntilThePersonHasGrantedAccessSlowingDownWhenAsked() throws Exception {
        String realm = realm("200 " + STARTED);
        answers.add(new String[] {"400", "{\"error\":\"authorization_pending\"}"});
        answers.add(new String[] {"400", "{\"error\":\"authorization_pending\"}"});
        answers.add(new String[] {"400", "{\"error\":\"slow_down\"}"});
        answers.add(new String[] {"200", "{\"access_token\":\"the-token\",\"token_type\":\"Bearer\"}"});
        StringWriter prompt = new StringWriter();

        long start = System.nanoTime();
        String token = new DeviceLogin(HttpClient.newHttpClient(), realm, "console")
                .accessToken(new PrintWriter(prompt));

        assertThat(token).isEqualTo("the-token");
        assertThat(prompt.toString()).contains("open http://kc/realms/r/device?user_code=ABCD-EFGH")
                .contains("enter the code ABCD-EFGH");
        assertThat(polls).hasSize(4).allSatisfy(form -> assertThat(form)
                .contains("grant_type=" + DeviceLogin.GRANT_TYPE).contains("device_code=dev-123")
                .contains("client_id=console"));
        // PKCE: the challenge sent first is the SHA-256 of the verifier every poll sends.
        String verifier = polls.get(0).replaceAll(".*code_verifier=([A-Za-z0-9_-]{43}).*", "$1");
        assertThat(polls).allSatisfy(form -> assertThat(form).contains("code_verifier=" + verifier));
        assertThat(challenges.get(0)).contains("code_challenge_method=S256")
                .contains("code_challenge=" + DeviceLogin.challenge(verifier));
        assertThat(System.nanoTime() - start).as("5 s more between polls after slow_down")
                .isGreaterThanOrEqualTo(5_000_000_000L);
    }

    @Test
    void aLoginRefusedInTheBrowserOrExpiredOrNotAllowedForTheClientIsAnErrorWithoutAToken() throws Exception {
        String realm = realm("200 " + STARTED);
        answers.add(new String[] {"400", "{\"error\":\"access_denied\"}"});
        answers.add(new String[] {"400", "{\"error\":\"expired_token\"}"});
        answers.add(new String[] {"502", "<html>Bad Gateway</html>"});
        DeviceLogin login = new DeviceLogin(HttpClient.newHttpClient(), realm, "console");

        assertThatThrownBy(() -> login.accessToken(new PrintWriter(new StringWriter())))
                .isInstanceOf(IOException.class).hasMessage("the login was refused in the browser");
        assertThatThrownBy(() -> login.accessToken(new PrintWriter(new StringWriter())))
                .isInstanceOf(IOException.class).hasMessage("the code expired before the login was completed");
        assertThatThrownBy(() -> login.accessToken(new PrintWriter(new StringWriter())))
                .isInstanceOf(IOException.class).hasMessage("Keycloak's answer (502) is not JSON: <html>Bad Gateway</html>");
        stop();

        String notEnabled = realm("400 {\"error\":\"unauthorized_client\",\"error_description\":\"Client is not allowed "
                + "to initiate OAuth 2.0 Device Authorization Grant. The flow is disabled for the client.\"}");
        assertThatThrownBy(() -> new DeviceLogin(HttpClient.newHttpClient(), notEnabled, "console")
                .accessToken(new PrintWriter(new StringWriter())))
                .isInstanceOf(IOException.class).hasMessageContaining("refused to start a browser login (400)")
                .hasMessageContaining("unauthorized_client");
    }

    private static String read(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
