package nl.doelbinding.routes;

import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.routes.flow.DecisionOutcome;
import nl.doelbinding.routes.flow.DecisionService;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code direct:decide}: every channel ends here with a verified requester and the raw request body;
 * the decision is recorded before it is dispatched to its outcome endpoint.
 */
public final class DecideRoute extends RouteBuilder {
    private final DecisionService service;
    private final DecisionMetrics metrics;

    public DecideRoute(DecisionService service, DecisionMetrics metrics) {
        this.service = service;
        this.metrics = metrics;
    }

    @Override
    public void configure() {
        // Failures propagate to the channel's route, which answers with a problem or a dead letter.
        errorHandler(noErrorHandler());
        from(Endpoints.DECIDE).routeId("decide")
                .process(this::decide)
                .to(Endpoints.DISPATCH);
    }

    private void decide(Exchange exchange) {
        Requester requester = exchange.getProperty(Exchanges.REQUESTER, Requester.class);
        if (requester == null) {
            throw new IllegalStateException("a request reached direct:decide without a verified requester");
        }
        long start = System.nanoTime();
        DecisionOutcome outcome = service.decide(requester, exchange.getIn().getBody(byte[].class));
        metrics.decided(exchange.getIn().getHeader(Exchanges.CHANNEL, "unknown", String.class), outcome,
                System.nanoTime() - start);
        exchange.setProperty(Exchanges.OUTCOME, outcome);
        exchange.getIn().setHeader(Exchanges.DECISION, outcome.stored().overall().name());
    }
}
