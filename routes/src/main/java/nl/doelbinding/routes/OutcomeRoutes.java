package nl.doelbinding.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.doelbinding.engine.port.StoredDecision;
import nl.doelbinding.routes.flow.DecisionOutcome;
import nl.doelbinding.routes.flow.ReleaseBuilder;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The three internal outcome endpoints. Each leaves the reply in the body: the release package, the
 * escalation notice with the review's id, or the reasoned refusal.
 */
public final class OutcomeRoutes extends RouteBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReleaseBuilder releases;

    public OutcomeRoutes(ReleaseBuilder releases) {
        this.releases = releases;
    }

    @Override
    public void configure() {
        // Failures propagate to the channel's route, which answers with a problem or a dead letter.
        errorHandler(noErrorHandler());
        from(Endpoints.REDACTION).routeId("redaction")
                .process(this::release);
        from(Endpoints.ESCALATION).routeId("escalation")
                .process(this::escalationNotice)
                .wireTap(Endpoints.REVIEW_NOTICES);
        from(Endpoints.REJECTION).routeId("rejection")
                .process(this::refusal);
        from(Endpoints.REVIEW_NOTICES).routeId("review-notices")
                .log("escalation ${header." + Exchanges.ESCALATION_ID + "} opened for review");
    }

    private void release(Exchange exchange) {
        exchange.getIn().setBody(releases.releaseDocument(outcome(exchange).stored()));
    }

    private void escalationNotice(Exchange exchange) {
        StoredDecision stored = outcome(exchange).stored();
        ObjectNode notice = read(stored.decisionJson());
        String escalationId = stored.escalationId().orElseThrow(() ->
                new IllegalStateException("an escalated decision was recorded without a review"));
        notice.put("escalationId", escalationId);
        exchange.getIn().setHeader(Exchanges.ESCALATION_ID, escalationId);
        exchange.getIn().setBody(notice.toString());
    }

    private void refusal(Exchange exchange) {
        exchange.getIn().setBody(outcome(exchange).stored().decisionJson());
    }

    private static DecisionOutcome outcome(Exchange exchange) {
        return exchange.getProperty(Exchanges.OUTCOME, DecisionOutcome.class);
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored decision is not valid JSON", e);
        }
    }
}
