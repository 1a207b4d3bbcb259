package nl.doelbinding.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The load generator's lean client: what it sends, and that it reads each framing a target may answer with
 * (Content-Length, chunked, close) on one keep-alive connection, reconnecting only when it must.
 */
class SocketExchangeTest {
    private static final byte[] BODY = "{\"requestId\":\"r-1\",\"é\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sendsOnePostWithTheTokenAndReadsEachFramingOverOneConnectionUntilTheTargetCloses() throws Exception {
        List<String> heads = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Integer> connections = CompletableFuture.supplyAsync(() -> {
                try (Socket first = listener.accept()) {
                    InputStream in = first.getInputStream();
                    OutputStream out = first.getOutputStream();
                    readRequest(in, heads, bodies);
                    out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n"
                            + "{\"a\":1}"));
                    readRequest(in, heads, bodies);
                    out.write(ascii("HTTP/1.1 202 Accepted\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "4\r\n{\"b\"\r\n3;ext=1\r\n:2}\r\n0\r\n\r\n"));
                    readRequest(in, heads, bodies);
                    out.write(ascii("HTTP/1.1 409 Conflict\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}"));
                    out.flush();
                    try (Socket second = listener.accept()) {
                        readRequest(second.getInputStream(), heads, bodies);
                        second.getOutputStream().write(ascii("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n"));
                        second.getOutputStream().flush();
                        second.getInputStream().read(); // until the client closes
                    }
                    return 2;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            URI uri = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/api/v1/requests");
            try (SocketExchange exchange = new SocketExchange(uri)) {
                SocketExchange.Response plain = exchange.post("Bearer abc.def", BODY);
                SocketExchange.Response chunked = exchange.post("Bearer abc.def", BODY);
                SocketExchange.Response closing = exchange.post("Bearer abc.def", BODY);
                SocketExchange.Response reconnected = exchange.post(null, BODY);

                assertThat(plain.status()).isEqualTo(200);
                assertThat(new String(plain.body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
                assertThat(chunked.status()).isEqualTo(202);
                assertThat(new String(chunked.body(), StandardCharsets.UTF_8)).isEqualTo("{\"b\":2}");
                assertThat(closing.status()).isEqualTo(409);
                assertThat(new String(closing.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
                assertThat(reconnected.status()).isEqualTo(401);
                assertThat(reconnected.body()).isEmpty();
            }
            assertThat(connections.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        }
        assertThat(heads.get(0)).startsWith("POST /api/v1/requests HTTP/1.1\r\n")
                .contains("\r\nHost: 127.0.0.1:")
                .contains("\r\nContent-Type: application/json\r\n")
                .contains("\r\nAuthorization: Bearer abc.def\r\n")
                .contains("\r\nContent-Length: " + BODY.length + "\r\n");
        assertThat(heads.get(3)).doesNotContain("Authorization");
        assertThat(bodies).hasSize(4).allSatisfy(b -> assertThat(b).isEqualTo(BODY));
    }

    @Test
    void aResponseCutShortIsAnErrorAndTheNextRequestUsesANewConnection() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> target = CompletableFuture.runAsync(() -> {
                try {
                    try (Socket first = listener.accept()) {
                        readRequest(first.getInputStream(), new ArrayList<>(), new ArrayList<>());
                        first.getOutputStream().write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"cut"));
                    }
                    try (Socket second = listener.accept()) {
                        readRequest(second.getInputStream(), new ArrayList<>(), new ArrayList<>());
                        second.getOutputStream().write(ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));
                        second.getOutputStream().flush();
                        second.getInputStream().read();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            URI uri = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/x");
            try (SocketExchange exchange = new SocketExchange(uri)) {
                assertThatThrownBy(() -> exchange.post("Bearer t", BODY)).isInstanceOf(IOException.class)
                        .hasMessageContaining("5 of 100 bytes");
                assertThat(exchange.post("Bearer t", BODY).status()).isEqualTo(200);
            }
            target.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void readsTheBareJettyTargetsFixedBody() throws Exception {
        byte[] fixed = "{\"decision\":\"RELEASED\"}".getBytes(StandardCharsets.UTF_8);
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = probe.getLocalPort();
            probe.close();
            try (BareJetty jetty = BareJetty.start("127.0.0.1", port, fixed);
                 SocketExchange exchange = new SocketExchange(URI.create("http://127.0.0.1:" + port + "/api/v1/requests"))) {
                for (int i = 0; i < 3; i++) {
                    SocketExchange.Response response = exchange.post("Bearer t", BODY);
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.body()).isEqualTo(fixed);
                }
            }
        }
    }

    /** Reads one request: its head into {@code heads}, its Content-Length body into {@code bodies}. */
    private static void readRequest(InputStream in, List<String> heads, List<byte[]> bodies) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed in the request head");
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        heads.add(text);
        int at = text.indexOf("Content-Length: ") + "Content-Length: ".length();
        int length = Integer.parseInt(text.substring(at, text.indexOf("\r\n", at)));
        bodies.add(in.readNBytes(length));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
