package nl.doelbinding.server.flow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.FieldDecision;
import nl.doelbinding.engine.port.DecidedRequest;
import nl.doelbinding.server.persistence.StoredRequest;

/**
 * What the audit chain records of a decision (R13): requester, purpose, instrument, subjects, the requester's
 * history the volume rules saw (R8), fields and outcomes with their rules, and the ruleset version — never field values or the justification.
 */
final class AuditPayloads {
    private AuditPayloads() {
    }

    static ObjectNode decision(StoredRequest row, DecidedRequest decided, Optional<String> escalationId) {
        DisclosureRequest request = decided.request();
        Decision decision = decided.decision();
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("decisionId", decided.decisionId());
        payload.put("requestRow", row.id());
        payload.put("bodySha256", row.bodySha256());
        ObjectNode requester = payload.putObject("requester");
        requester.put("subject", request.requester().subject());
        requester.put("client", request.requester().client());
        requester.put("unit", request.requester().unit());
        payload.put("purpose", request.purpose().map(p -> p.value()).orElse(null));
        payload.put("instrument", request.legalBasis().instrument().value());
        payload.put("caseReference", request.caseReference().orElse(null));
        ArrayNode subjects = payload.putArray("subjects");
        request.subjects().forEach(s -> subjects.add(s.vNumber().value()));
        payload.put("decision", decision.overall().name());
        ObjectNode ruleset = payload.putObject("ruleset");
        decision.ruleset().version().ifPresent(v -> ruleset.put("version", v));
        ruleset.put("sha256", decision.ruleset().sha256());
        payload.putObject("history").put("earlierRequests", request.history().earlierRequests())
                .put("locationCoverage", request.history().locationCoverage());
        ArrayNode requestRules = payload.putArray("requestRules");
        decision.requestRules().forEach(h -> requestRules.add(h.rule().value()));
        ArrayNode fields = payload.putArray("fields");
        for (FieldDecision field : decision.fields()) {
            fields.addObject().put("field", field.field().value()).put("outcome", field.outcome().name())
                    .put("rule", field.decidedBy().rule().value());
        }
        escalationId.ifPresent(id -> payload.put("escalationId", id));
        return payload;
    }
}
