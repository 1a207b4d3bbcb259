package nl.doelbinding.server.flow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import nl.doelbinding.server.audit.AuditChain;
import nl.doelbinding.server.audit.AuditEventType;
import nl.doelbinding.server.persistence.Jdbc;
import nl.doelbinding.server.persistence.OralOrder;
import nl.doelbinding.server.persistence.StoredRequest;
import nl.doelbinding.server.persistence.Transactions;

/**
 * Legal catalogue R7: a request on an urgent oral order is escalated (rule REQ-ORAL-01), and the written
 * order must follow within three days (Sv art. 126nd(4), 126ne(4), 126nf(5): "binnen drie dagen op schrift
 * gesteld"). The requester sends the written order's reference; reviewers and auditors see which oral orders
 * still await theirs, and the metric {@code doelbinding_oral_orders_overdue} alerts when one is late.
 */
public final class OralOrders {
    /** Three days, counted from receipt of the request (72 hours: the strict reading of "drie dagen"). */
    public static final Duration WRITTEN_ORDER_DEADLINE = Duration.ofDays(3);
    private static final int MAX_REFERENCE_LENGTH = 255;

    private final Transactions transactions;
    private final Stores stores;
    private final AuditChain audit;
    private final Clock clock;

    public OralOrders(Transactions transactions, Stores stores, AuditChain audit, Clock clock) {
        this.transactions = transactions;
        this.stores = stores;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records the written order of the requester's own request. Sending the same reference again is answered
     * as the first time; a different reference after the first is a conflict (the first one stands).
     */
    public ObjectNode confirm(Requester requester, String requestId, String reference) {
        if (reference == null || reference.isBlank() || reference.length() > MAX_REFERENCE_LENGTH) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "reference: the written order's reference is"
                    + " required (at most " + MAX_REFERENCE_LENGTH + " characters)");
        }
        String ref = reference.strip();
        return transactions.inTransaction(c -> {
            StoredRequest request = stores.requests().find(c, requester.client(), requestId)
                    .filter(r -> r.requesterSubject().equals(requester.subject()))
                    .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no request " + requestId
                            + " of yours"));
            OralOrder order = stores.oralOrders().find(c, request.id()).orElseThrow(() -> new ProblemException(
                    ProblemType.CONFLICT, "request " + requestId + " did not rest on an oral order"));
            Instant now = clock.instant();
            if (stores.oralOrders().confirm(c, request.id(), ref, now)) {
                OralOrder confirmed = new OralOrder(order.requestRowId(), order.orderedAt(), order.writtenDue(),
                        Optional.of(new OralOrder.WrittenOrder(ref, Jdbc.millis(now))));
                ObjectNode payload = JsonNodeFactory.instance.objectNode();
                payload.put("requestRow", request.id());
                payload.put("reference", ref);
                payload.put("writtenDue", confirmed.writtenDue().toString());
                payload.put("late", confirmed.overdue(now));
                audit.append(c, AuditEventType.WRITTEN_ORDER_RECEIVED, JdbcDecisionLog.actor(requester), requestId,
                        payload);
                return json(request, confirmed, now);
            }
            String recorded = order.writtenOrder().map(OralOrder.WrittenOrder::reference).orElse("");
            if (!recorded.equals(ref)) {
                throw new ProblemException(ProblemType.CONFLICT, "a different written order was already recorded"
                        + " for request " + requestId);
            }
            return json(request, order, now);
        });
    }

    /** Oral orders still awaiting their written order, the longest due first. */
    public ArrayNode awaiting(int offset, int limit) {
        return transactions.inTransaction(c -> {
            Instant now = clock.instant();
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (OralOrder order : stores.oralOrders().awaiting(c, offset, limit)) {
                StoredRequest request = stores.requests().byRowId(c, order.requestRowId()).orElseThrow();
                list.add(json(request, order, now));
            }
            return list;
        });
    }

    /** How many oral orders are overdue now (the alert metric). */
    public long overdueCount() {
        return transactions.inTransaction(c -> stores.oralOrders().overdueCount(c, clock.instant()));
    }

    static ObjectNode json(StoredRequest request, OralOrder order, Instant now) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("requestId", request.requestId());
        item.put("requesterUnit", request.requesterUnit());
        item.put("orderedAt", order.orderedAt().toString());
        item.put("writtenDue", order.writtenDue().toString());
        order.writtenOrder().ifPresentOrElse(w -> item.putObject("writtenOrder").put("reference", w.reference())
                .put("receivedAt", w.receivedAt().toString()), () -> item.putNull("writtenOrder"));
        item.put("overdue", order.overdue(now));
        return item;
    }
}
