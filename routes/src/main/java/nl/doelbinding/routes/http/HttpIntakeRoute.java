package nl.doelbinding.routes.http;

import nl.doelbinding.routes.auth.Role;
import nl.doelbinding.routes.Endpoints;
import nl.doelbinding.routes.Exchanges;
import nl.doelbinding.routes.auth.RequesterAuthenticator;
import nl.doelbinding.routes.flow.DecisionOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The HTTP channel: {@code POST /api/v1/requests} authenticates, reads the body within its limit and
 * normalises to {@code direct:decide}; the reply is the outcome endpoint's document, 200 or (escalated) 202.
 */
public final class HttpIntakeRoute extends RouteBuilder {
    private final RequesterAuthenticator authenticator;
    private final int maxBodyBytes;

    public HttpIntakeRoute(RequesterAuthenticator authenticator, int maxBodyBytes) {
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void configure() {
        rest("/api/v1/requests").post().to("direct:http-submit");

        from("direct:http-submit").routeId("http-submit").routeConfigurationId(ProblemRouteConfiguration.ID)
                .setHeader(Exchanges.CHANNEL, constant("http"))
                .process(new Authenticate(authenticator, Role.POLICE_REQUESTER))
                .process(new BodyLimit(maxBodyBytes))
                .to(Endpoints.DECIDE)
                .process(HttpIntakeRoute::reply);
    }

    private static void reply(Exchange exchange) {
        DecisionOutcome outcome = exchange.getProperty(Exchanges.OUTCOME, DecisionOutcome.class);
        String body = exchange.getMessage().getBody(String.class);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE,
                outcome.stored().overall() == nl.doelbinding.engine.model.OverallDecision.ESCALATED ? 202 : 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        if (outcome.replay()) {
            exchange.getMessage().setHeader("Doelbinding-Replay", "true");
        }
        exchange.getMessage().setBody(body);
    }
}
