package nl.doelbinding.routes;

import org.apache.camel.builder.RouteBuilder;

/**
 * {@code direct:dispatch}: one switch on the overall decision to the redaction, escalation or rejection
 * endpoint. The endpoints come from configuration, so an operator can point one at, say, a
 * case-management queue without code changes.
 */
public final class DispatchRoute extends RouteBuilder {
    @Override
    public void configure() {
        // Failures propagate to the channel's route, which answers with a problem or a dead letter.
        errorHandler(noErrorHandler());
        from(Endpoints.DISPATCH).routeId("dispatch")
                .choice()
                    .when(header(Exchanges.DECISION).in("RELEASED", "PARTIALLY_RELEASED"))
                        .to("{{" + Endpoints.REDACTION_KEY + ":" + Endpoints.REDACTION + "}}")
                    .when(header(Exchanges.DECISION).isEqualTo("ESCALATED"))
                        .to("{{" + Endpoints.ESCALATION_KEY + ":" + Endpoints.ESCALATION + "}}")
                    .otherwise()
                        .to("{{" + Endpoints.REJECTION_KEY + ":" + Endpoints.REJECTION + "}}")
                .end();
    }
}
