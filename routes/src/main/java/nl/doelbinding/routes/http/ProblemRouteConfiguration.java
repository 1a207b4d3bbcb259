package nl.doelbinding.routes.http;

import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemJson;
import nl.doelbinding.routes.problem.ProblemType;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error handling of every HTTP route in one place: problems become {@code application/problem+json}
 * with their status; anything unexpected becomes a 503 "cannot decide safely" (fail closed) and an
 * operator log line that names the failure's class, never request content. What the client still sends of
 * its body is drained first ({@link UnreadBody}), so that it can read the answer.
 */
public final class ProblemRouteConfiguration extends RouteConfigurationBuilder {
    public static final String ID = "http-problems";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemRouteConfiguration.class);

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(ProblemException.class).handled(true)
                    .process(e -> write(e, e.getProperty(Exchange.EXCEPTION_CAUGHT, ProblemException.class)))
                .end()
                .onException(Exception.class).handled(true)
                    .process(ProblemRouteConfiguration::unexpected)
                .end();
    }

    private static void unexpected(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.error("ALERT: {} failed with {}; answered 503 (nothing released)", exchange.getFromRouteId(),
                cause == null ? "unknown" : cause.getClass().getName());
        write(exchange, new ProblemException(ProblemType.UNAVAILABLE,
                "the server cannot decide safely now; nothing was released, try again later"));
    }

    static void write(Exchange exchange, ProblemException problem) {
        UnreadBody.drain(exchange.getMessage());
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, problem.type().status());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, ProblemJson.MEDIA_TYPE);
        exchange.getMessage().setBody(ProblemJson.of(problem, null).toString());
    }
}
