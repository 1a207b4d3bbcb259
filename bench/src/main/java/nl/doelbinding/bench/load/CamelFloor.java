package nl.doelbinding.bench.load;

import java.util.Properties;
import nl.doelbinding.routes.http.BodyLimit;
import nl.doelbinding.routes.http.RestSetup;
import nl.doelbinding.server.app.ServerConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The floor of "Camel over Jetty", between {@link BareJetty} and the real server: a Camel context with the
 * server's own REST configuration ({@link RestSetup}: camel-jetty, binding off, routes not inlined, no
 * prefix matching) and one route, {@code POST /api/v1/requests} to {@code direct:}, that reads the body as
 * the server does ({@link BodyLimit}, the server's default limit) and answers 200 with a fixed JSON body.
 * No token, no decision, no database: what Camel's HTTP binding and routing add to bare Jetty.
 */
public final class CamelFloor implements AutoCloseable {
    /** The path the server takes requests on, and so this floor. */
    public static final String PATH = "/api/v1/requests";

    private final CamelContext camel;

    private CamelFloor(CamelContext camel) {
        this.camel = camel;
    }

    /** Starts listening on {@code host:port}; every POST to {@link #PATH} is answered with {@code body}. */
    public static CamelFloor start(String host, int port, byte[] body) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        Properties properties = new Properties();
        properties.setProperty(RestSetup.HOST_KEY, host);
        properties.setProperty(RestSetup.PORT_KEY, String.valueOf(port));
        camel.getPropertiesComponent().setInitialProperties(properties);
        camel.addRoutes(new RestSetup());
        camel.addRoutes(new FixedReplyRoute(body.clone()));
        try {
            camel.start();
        } catch (Exception | Error e) {
            camel.close();
            throw e;
        }
        return new CamelFloor(camel);
    }

    @Override
    public void close() throws Exception {
        camel.close();
    }

    /** The route: read the body within the server's limit, then the fixed reply, shaped as the server's. */
    private static final class FixedReplyRoute extends RouteBuilder {
        private final byte[] body;

        FixedReplyRoute(byte[] body) {
            this.body = body;
        }

        @Override
        public void configure() {
            rest(PATH).post().to("direct:camel-floor");

            from("direct:camel-floor").routeId("camel-floor")
                    .process(new BodyLimit(new ServerConfig().http.maxBodyBytes))
                    .process(this::reply);
        }

        private void reply(Exchange exchange) {
            Message message = exchange.getMessage();
            message.removeHeaders("*");
            message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
            message.setBody(body);
        }
    }
}
