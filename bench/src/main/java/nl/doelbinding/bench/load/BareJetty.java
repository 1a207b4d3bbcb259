package nl.doelbinding.bench.load;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The baseline: a bare Jetty 12 handler (same Jetty as the server, default thread pool and connector) that
 * reads the request body and answers every request with the same fixed JSON body. No routing, no token, no
 * rules, no database: what HTTP alone costs on this machine with this client.
 */
final class BareJetty implements AutoCloseable {
    private final Server server;

    private BareJetty(Server server) {
        this.server = server;
    }

    static BareJetty start(String host, int port, byte[] body) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ByteBuffer fixed = ByteBuffer.wrap(body).asReadOnlyBuffer();
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                // Read the body as the server does, then answer.
                Content.Source.consumeAll(request, Callback.from(() -> {
                    response.setStatus(200);
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
                    response.write(true, fixed.slice(), callback);
                }, callback::failed));
                return true;
            }
        });
        server.start();
        return new BareJetty(server);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
