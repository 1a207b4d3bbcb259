package nl.doelbinding.server.api;

import nl.doelbinding.routes.auth.Role;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.doelbinding.engine.io.CanonicalJson;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.engine.model.VNumber;
import nl.doelbinding.engine.port.ActiveRuleset;
import nl.doelbinding.engine.port.DecisionLog;
import nl.doelbinding.engine.port.StoredDecision;
import nl.doelbinding.routes.Exchanges;
import nl.doelbinding.routes.flow.DecisionOutcome;
import nl.doelbinding.routes.flow.ReleaseBuilder;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import nl.doelbinding.server.audit.AuditChain;
import nl.doelbinding.server.audit.AuditEventType;
import nl.doelbinding.server.audit.AuditExportStream;
import nl.doelbinding.server.audit.AuditFilter;
import nl.doelbinding.server.audit.AuditRecord;
import nl.doelbinding.server.audit.VerifyResult;
import nl.doelbinding.server.flow.ReviewService;
import nl.doelbinding.server.flow.Stores;
import nl.doelbinding.server.persistence.Disclosure;
import nl.doelbinding.server.persistence.Transactions;
import org.apache.camel.Exchange;

/** The handlers behind the read and review endpoints of the REST API; the routes only wire them. */
public final class AdminApi {
    static final String FINAL_DECISION = "doelbinding.finalDecision";

    private final DecisionLog log;
    private final ActiveRuleset rulesets;
    private final ReleaseBuilder releases;
    private final ReviewService reviews;
    private final Transactions transactions;
    private final Stores stores;
    private final AuditChain audit;

    public AdminApi(DecisionLog log, ActiveRuleset rulesets, ReleaseBuilder releases, ReviewService reviews,
                    Transactions transactions, Stores stores, AuditChain audit) {
        this.log = log;
        this.rulesets = rulesets;
        this.releases = releases;
        this.reviews = reviews;
        this.transactions = transactions;
        this.stores = stores;
        this.audit = audit;
    }

    private static Requester requester(Exchange exchange) {
        return exchange.getProperty(Exchanges.REQUESTER, Requester.class);
    }

    /** {@code GET /requests/{requestId}}: the requester gets its current decision (with its release); an auditor the decision only. */
    void request(Exchange exchange) {
        Requester requester = requester(exchange);
        String requestId = new QueryParameters(exchange).required("requestId");
        Optional<StoredDecision> own = Role.POLICE_REQUESTER.heldBy(requester)
                ? log.find(requester.client(), requestId) : Optional.empty();
        if (own.isPresent()) {
            JsonReply.ok(exchange, forRequester(own.get()));
            return;
        }
        if (Role.AUDITOR.heldBy(requester)) {
            List<StoredDecision> all = log.findAll(requestId);
            if (!all.isEmpty()) {
                JsonReply.ok(exchange, CanonicalJson.parse(all.get(all.size() - 1).decisionJson()));
                return;
            }
        }
        throw new ProblemException(ProblemType.NOT_FOUND, "no request " + requestId + " of yours");
    }

    private JsonNode forRequester(StoredDecision stored) {
        if (stored.overall() == OverallDecision.RELEASED || stored.overall() == OverallDecision.PARTIALLY_RELEASED) {
            return releases.withRelease(stored);
        }
        ObjectNode decision = (ObjectNode) CanonicalJson.parse(stored.decisionJson());
        stored.escalationId().ifPresent(id -> decision.put("escalationId", id));
        return decision;
    }

    /** {@code GET /escalations?status=OPEN}: open reviews, oldest first. */
    void escalations(Exchange exchange) {
        QueryParameters query = new QueryParameters(exchange);
        String status = query.text("status").orElse("OPEN");
        if (!status.equals("OPEN")) {
            throw QueryParameters.invalid("status", "only OPEN reviews can be listed");
        }
        JsonReply.ok(exchange, reviews.open(query.integer("offset", 0, 0, Integer.MAX_VALUE),
                query.integer("limit", 100, 1, 1000)));
    }

    /** {@code POST /escalations/{id}/review}: completes the review and prepares the re-dispatch. */
    void review(Exchange exchange) {
        String id = new QueryParameters(exchange).required("escalationId");
        JsonNode body;
        try {
            body = CanonicalJson.parse(exchange.getIn().getBody(String.class));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the review body is " + e.getMessage());
        }
        StoredDecision decided = reviews.review(id, requester(exchange), body, ref ->
                rulesets.decidedBy(ref).orElseThrow(() -> new ProblemException(ProblemType.UNAVAILABLE,
                        "the ruleset version that escalated this request is not available")).ruleset().catalogue());
        exchange.setProperty(Exchanges.OUTCOME, new DecisionOutcome(decided, false));
        exchange.setProperty(FINAL_DECISION, decided.decisionJson());
        exchange.getIn().setHeader(Exchanges.DECISION, decided.overall().name());
        exchange.getIn().setHeader(Exchanges.CHANNEL, "review");
    }

    /** After the re-dispatch: the reviewer sees the final decision, never the released data. */
    void reviewReply(Exchange exchange) {
        JsonReply.reply(exchange, 200, exchange.getProperty(FINAL_DECISION, String.class), "application/json");
    }

    /** {@code GET /audit}: records, filtered and paged by sequence number. */
    void auditRecords(Exchange exchange) {
        QueryParameters query = new QueryParameters(exchange);
        AuditFilter filter = AuditFilter.first(query.integer("limit", 100, 1, AuditFilter.MAX_LIMIT))
                .afterSeq(query.integer("afterSeq", 0, 0, Integer.MAX_VALUE));
        filter = query.instant("from").map(filter::from).orElse(filter);
        filter = query.instant("to").map(filter::to).orElse(filter);
        filter = query.text("actor").map(filter::actor).orElse(filter);
        filter = query.text("requestId").map(filter::requestId).orElse(filter);
        Optional<String> type = query.text("type");
        if (type.isPresent()) {
            try {
                filter = filter.type(AuditEventType.valueOf(type.get()));
            } catch (IllegalArgumentException e) {
                throw QueryParameters.invalid("type", "is not an audit record type");
            }
        }
        AuditFilter chosen = filter;
        List<AuditRecord> records = transactions.inTransaction(c -> audit.query(c, chosen));
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (AuditRecord r : records) {
            list.addObject().put("seq", r.seq()).put("recordedAt", r.recordedAt().toString()).put("type", r.type())
                    .put("actor", r.actor()).put("requestId", r.requestId())
                    .put("prevHash", r.prevHash()).put("hash", r.hash())
                    .set("payload", CanonicalJson.parse(r.payload()));
        }
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        page.set("records", list);
        if (!records.isEmpty()) {
            page.put("nextAfterSeq", records.get(records.size() - 1).seq());
        }
        JsonReply.ok(exchange, page);
    }

    /** {@code GET /audit/verify}: the chain, checked link by link. */
    void verify(Exchange exchange) {
        VerifyResult result = transactions.inTransaction(audit::verify);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (result instanceof VerifyResult.Ok ok) {
            body.put("valid", true).put("records", ok.count()).put("headHash", ok.headHash());
        } else {
            VerifyResult.Broken broken = (VerifyResult.Broken) result;
            body.put("valid", false).put("firstBrokenSeq", broken.seq()).put("reason", broken.reason().name())
                    .put("detail", broken.detail());
        }
        JsonReply.ok(exchange, body);
    }

    /**
     * {@code GET /audit/export}: the chain as JSON lines, verifiable offline. The export is audited first; it then
     * holds the records of the range that came before that record, read page by page as the response is sent
     * ({@link AuditExportStream}), so a long chain is never held in memory whole.
     */
    void export(Exchange exchange) {
        QueryParameters query = new QueryParameters(exchange);
        Instant from = query.instant("from").orElse(Instant.EPOCH);
        Instant to = query.instant("to").orElse(Instant.parse("9999-12-31T00:00:00Z"));
        Requester who = requester(exchange);
        AuditRecord exported = transactions.inTransaction(c -> audit.append(c, AuditEventType.AUDIT_EXPORTED,
                who.client() + "/" + who.subject(), null, "{\"from\":\"" + from + "\",\"to\":\"" + to + "\"}"));
        AuditChain.ExportSlice slice = new AuditChain.ExportSlice(from, to, 0, exported.seq());
        JsonReply.stream(exchange, 200, AuditExportStream.open(transactions, audit, slice, AuditExportStream.PAGE),
                "application/x-ndjson");
    }

    /** {@code GET /subjects/{vNumber}/disclosures}: the GDPR art. 15 register of one resident. */
    void disclosures(Exchange exchange) {
        QueryParameters query = new QueryParameters(exchange);
        VNumber vNumber;
        try {
            vNumber = new VNumber(query.required("vNumber"));
        } catch (IllegalArgumentException e) {
            throw QueryParameters.invalid("vNumber", "must be ten digits");
        }
        Requester who = requester(exchange);
        List<Disclosure> rows = transactions.inTransaction(c -> {
            List<Disclosure> found = stores.disclosures().byVNumber(c, vNumber, query.integer("offset", 0, 0,
                    Integer.MAX_VALUE), query.integer("limit", 500, 1, 5000));
            audit.append(c, AuditEventType.DISCLOSURES_CONSULTED, who.client() + "/" + who.subject(), null,
                    "{\"vNumber\":\"" + vNumber.value() + "\",\"rows\":" + found.size() + "}");
            return found;
        });
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Disclosure d : rows) {
            list.addObject().put("date", d.disclosedAt().toString()).put("purpose", d.purpose().value())
                    .put("requesterUnit", d.requesterUnit()).put("field", d.field().value())
                    .put("outcome", d.outcome().name()).put("decisionId", d.decisionId().toString());
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("vNumber", vNumber.value());
        body.set("disclosures", list);
        JsonReply.ok(exchange, body);
    }
}
