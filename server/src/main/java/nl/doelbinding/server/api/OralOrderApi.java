package nl.doelbinding.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doelbinding.engine.io.CanonicalJson;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.routes.Exchanges;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import nl.doelbinding.server.flow.OralOrders;
import org.apache.camel.Exchange;

/** The handlers of the oral-order endpoints (legal catalogue R7); the routes only wire them. */
public final class OralOrderApi {
    private final OralOrders orders;

    public OralOrderApi(OralOrders orders) {
        this.orders = orders;
    }

    /** {@code POST /requests/{requestId}/written-order}: body {@code {"reference": "..."}}. */
    void confirm(Exchange exchange) {
        String requestId = new QueryParameters(exchange).required("requestId");
        JsonNode body;
        try {
            body = CanonicalJson.parse(exchange.getIn().getBody(String.class));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the body is " + e.getMessage());
        }
        JsonNode reference = body.path("reference");
        if (!body.isObject() || !reference.isTextual()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "reference: the written order's reference is"
                    + " required as text");
        }
        JsonReply.ok(exchange, orders.confirm(exchange.getProperty(Exchanges.REQUESTER, Requester.class), requestId,
                reference.asText()));
    }

    /** {@code GET /oral-orders}: oral orders awaiting their written order, the longest due first. */
    void awaiting(Exchange exchange) {
        QueryParameters query = new QueryParameters(exchange);
        JsonReply.ok(exchange, orders.awaiting(query.integer("offset", 0, 0, Integer.MAX_VALUE),
                query.integer("limit", 100, 1, 1000)));
    }
}
