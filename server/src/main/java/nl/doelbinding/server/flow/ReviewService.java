package nl.doelbinding.server.flow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.catalogue.FieldDefinition;
import nl.doelbinding.engine.io.CanonicalJson;
import nl.doelbinding.engine.io.ValidationError;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.model.TimeOrderedUuid;
import nl.doelbinding.engine.model.VNumber;
import nl.doelbinding.engine.port.ResidentDirectory;
import nl.doelbinding.engine.port.StoredDecision;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import nl.doelbinding.server.audit.AuditChain;
import nl.doelbinding.server.audit.AuditEventType;
import nl.doelbinding.server.persistence.CloseResult;
import nl.doelbinding.server.persistence.EscalationStatus;
import nl.doelbinding.server.persistence.NewDecision;
import nl.doelbinding.server.persistence.RequestStatus;
import nl.doelbinding.server.persistence.StoredEscalation;
import nl.doelbinding.server.persistence.StoredRequest;
import nl.doelbinding.server.persistence.Transactions;

/**
 * Completes a legal review: the reviewer decides every escalated field (never a field the rules already
 * decided), with a motivation; the final decision supersedes the escalated one, the review closes, and
 * one audit record is appended, in one transaction.
 */
public final class ReviewService {
    static final String REVIEW_RULE = "REVIEW";

    private final Transactions transactions;
    private final Stores stores;
    private final AuditChain audit;
    private final Clock clock;
    private final ResidentDirectory residents;

    public ReviewService(Transactions transactions, Stores stores, AuditChain audit, Clock clock,
                         ResidentDirectory residents) {
        this.transactions = transactions;
        this.stores = stores;
        this.audit = audit;
        this.clock = clock;
        this.residents = residents;
    }

    /** Open reviews, oldest first, each with the escalated decision. */
    public ArrayNode open(int offset, int limit) {
        return transactions.inTransaction(c -> {
            ArrayNode list = CanonicalJson.parse("[]").deepCopy();
            for (StoredEscalation escalation : stores.escalations().openOldestFirst(c, offset, limit)) {
                StoredRequest request = stores.requests().byRowId(c, escalation.requestRowId()).orElseThrow();
                ObjectNode item = list.addObject();
                item.put("escalationId", escalation.escalationId().toString());
                item.put("requestId", request.requestId());
                item.put("requesterUnit", request.requesterUnit());
                item.put("createdAt", escalation.createdAt().toString());
                item.set("fields", CanonicalJson.parse(escalation.fieldsJson()));
                item.set("request", CanonicalJson.parse(request.body()));
                stores.oralOrders().find(c, request.id())
                        .ifPresent(o -> item.set("oralOrder", OralOrders.json(request, o, clock.instant())));
                stores.decisions().currentForRequest(c, request.id())
                        .ifPresent(d -> item.set("decision", CanonicalJson.parse(d.json())));
            }
            return list;
        });
    }

    /**
     * Completes the review and returns the final decision, to be dispatched. The verdicts are checked against the
     * catalogue of the version that made the escalated decision ({@code catalogueOf} finds it).
     */
    public StoredDecision review(String escalationId, Requester reviewer, JsonNode body,
                                 Function<RulesetRef, Catalogue> catalogueOf) {
        UUID id = parseId(escalationId);
        return transactions.inTransaction(c -> {
            StoredEscalation escalation = stores.escalations().find(c, id).orElseThrow(() ->
                    new ProblemException(ProblemType.NOT_FOUND, "no review " + escalationId));
            if (escalation.status() != EscalationStatus.OPEN) {
                throw new ProblemException(ProblemType.CONFLICT, "review " + escalationId + " is already closed");
            }
            StoredRequest request = stores.requests().byRowId(c, escalation.requestRowId()).orElseThrow();
            var escalated = stores.decisions().currentForRequest(c, request.id()).orElseThrow();
            Set<String> fields = new LinkedHashSet<>();
            CanonicalJson.parse(escalation.fieldsJson()).forEach(f -> fields.add(f.asText()));
            ObjectNode decision = (ObjectNode) CanonicalJson.parse(escalated.json());
            apply(decision, fields, body, catalogueOf.apply(escalated.ruleset()));
            OverallDecision overall = overall(decision);
            UUID decisionId = TimeOrderedUuid.next();
            decision.put("decisionId", decisionId.toString());
            decision.put("decision", overall.name());
            decision.put("escalationId", escalationId);
            String json = decision.toString();
            RulesetRef ruleset = escalated.ruleset();
            stores.decisions().save(c, new NewDecision(decisionId, request.id(), overall, ruleset, json, clock.instant()));
            String actor = reviewer.client() + "/" + reviewer.subject();
            CloseResult closed = stores.escalations().close(c, id, actor, body.toString(),
                    clock.instant());
            if (!(closed instanceof CloseResult.Closed)) {
                throw new ProblemException(ProblemType.CONFLICT, "review " + escalationId + " is already closed");
            }
            stores.requests().updateStatus(c, request.id(), RequestStatus.DECIDED);
            Map<FieldName, FieldOutcome> reviewed = new LinkedHashMap<>();
            fields.forEach(f -> reviewed.put(new FieldName(f), outcomeOf(decision, f)));
            List<VNumber> subjects = new ArrayList<>();
            CanonicalJson.parse(request.body()).path("subjects")
                    .forEach(s -> subjects.add(new VNumber(s.path("vNumber").asText())));
            boolean releases = reviewed.values().stream().anyMatch(FieldOutcome::releases);
            stores.disclosures().record(c, Disclosures.of(request, decisionId, subjects, reviewed,
                    releases ? residents.existing(subjects) : Set.of(), clock.instant()));
            ObjectNode payload = decision.objectNode();
            payload.put("escalationId", escalationId);
            payload.put("decisionId", decisionId.toString());
            payload.put("supersedes", escalated.decisionId().toString());
            payload.put("decision", overall.name());
            payload.set("verdicts", body.path("fields"));
            audit.append(c, AuditEventType.REVIEW_COMPLETED, actor, request.requestId(), payload.toString());
            return new StoredDecision(request.requestId(), request.requesterClient(), request.requesterUnit(),
                    request.bodySha256(), request.body(), decisionId.toString(), overall, json,
                    java.util.Optional.of(escalationId), clock.instant());
        });
    }

    private static void apply(ObjectNode decision, Set<String> escalated, JsonNode body, Catalogue catalogue) {
        JsonNode verdicts = body.path("fields");
        List<ValidationError> errors = new ArrayList<>();
        if (!verdicts.isObject()) {
            errors.add(new ValidationError("fields", "must map each escalated field to its outcome and motivation"));
            throw invalid(errors);
        }
        verdicts.fieldNames().forEachRemaining(name -> {
            if (!escalated.contains(name)) {
                errors.add(new ValidationError("fields." + name, "was not escalated; only " + escalated
                        + " are under review"));
            }
        });
        for (String field : escalated) {
            JsonNode verdict = verdicts.path(field);
            if (verdict.isMissingNode()) {
                errors.add(new ValidationError("fields." + field, "is under review and needs an outcome"));
                continue;
            }
            FieldOutcome outcome = outcome(field, verdict, catalogue, errors);
            String motivation = verdict.path("motivation").asText("").strip();
            if (motivation.isEmpty()) {
                errors.add(new ValidationError("fields." + field + ".motivation", "a review states its motivation"));
            }
            if (outcome != null && !motivation.isEmpty()) {
                set(decision, field, outcome, motivation);
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    private static FieldOutcome outcome(String field, JsonNode verdict, Catalogue catalogue, List<ValidationError> errors) {
        String property = "fields." + field + ".outcome";
        FieldOutcome outcome;
        try {
            outcome = FieldOutcome.valueOf(verdict.path("outcome").asText(""));
        } catch (IllegalArgumentException e) {
            errors.add(new ValidationError(property, "must be DISCLOSE, MASK, GENERALISE, PSEUDONYMISE or REJECT"));
            return null;
        }
        FieldDefinition definition = catalogue.field(new FieldName(field)).orElse(null);
        boolean possible = switch (outcome) {
            case ESCALATE -> false;
            case MASK -> definition != null && definition.mask().isPresent();
            case GENERALISE -> definition != null && definition.generalise().isPresent();
            case DISCLOSE, PSEUDONYMISE -> definition != null;
            case REJECT -> true;
        };
        if (!possible) {
            errors.add(new ValidationError(property, outcome == FieldOutcome.ESCALATE ? "a review must decide"
                    : "the catalogue has no method to " + outcome.name().toLowerCase() + " " + field));
            return null;
        }
        return outcome;
    }

    private static void set(ObjectNode decision, String field, FieldOutcome outcome, String motivation) {
        for (JsonNode node : decision.path("fields")) {
            if (node.path("field").asText().equals(field)) {
                ObjectNode f = (ObjectNode) node;
                String citation = f.path("citation").asText();
                f.put("outcome", outcome.name());
                f.put("rule", REVIEW_RULE);
                f.put("citation", citation);
                f.put("explanation", motivation);
                ((ArrayNode) f.withArray("firedRules")).addObject().put("rule", REVIEW_RULE)
                        .put("outcome", outcome.name()).put("citation", citation);
            }
        }
    }

    private static FieldOutcome outcomeOf(ObjectNode decision, String field) {
        for (JsonNode node : decision.path("fields")) {
            if (node.path("field").asText().equals(field)) {
                return FieldOutcome.valueOf(node.path("outcome").asText());
            }
        }
        throw new IllegalStateException("a reviewed field is not in the decision");
    }

    static OverallDecision overall(ObjectNode decision) {
        List<FieldOutcome> outcomes = new ArrayList<>();
        decision.path("fields").forEach(f -> outcomes.add(FieldOutcome.valueOf(f.path("outcome").asText())));
        if (outcomes.stream().anyMatch(o -> o == FieldOutcome.ESCALATE)) {
            return OverallDecision.ESCALATED;
        }
        long rejected = outcomes.stream().filter(o -> o == FieldOutcome.REJECT).count();
        if (rejected == outcomes.size()) {
            return OverallDecision.REJECTED;
        }
        return rejected > 0 ? OverallDecision.PARTIALLY_RELEASED : OverallDecision.RELEASED;
    }

    private static ProblemException invalid(List<ValidationError> errors) {
        return new ProblemException(ProblemType.INVALID_REQUEST, "the review is not complete or not valid", errors);
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no review " + id);
        }
    }
}
