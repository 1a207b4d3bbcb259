package nl.doelbinding.server.flow;

import java.sql.Connection;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.engine.model.Subject;
import nl.doelbinding.engine.model.TimeOrderedUuid;
import nl.doelbinding.engine.model.VNumber;
import nl.doelbinding.engine.port.DecidedRequest;
import nl.doelbinding.engine.port.DecisionLog;
import nl.doelbinding.engine.port.Recording;
import nl.doelbinding.engine.port.ResidentDirectory;
import nl.doelbinding.engine.port.StoredDecision;
import nl.doelbinding.server.audit.AuditChain;
import nl.doelbinding.server.audit.AuditEventType;
import nl.doelbinding.server.persistence.NewDecision;
import nl.doelbinding.server.persistence.NewRequest;
import nl.doelbinding.server.persistence.ReceiveResult;
import nl.doelbinding.server.persistence.RequestStatus;
import nl.doelbinding.server.persistence.StoredRequest;
import nl.doelbinding.server.persistence.Transactions;

/**
 * The decision log on the database: request, decision, review (when escalated), the disclosure
 * register and one audit record commit in one transaction. Decisions recorded at the same time by several
 * threads share a transaction ({@link GroupCommit}); each caller returns once its own decision is committed.
 */
public final class JdbcDecisionLog implements DecisionLog {
    private final Transactions transactions;
    private final Stores stores;
    private final Clock clock;
    private final ResidentDirectory residents;
    private final GroupCommit commits;
    private final VolumeLedger volume;

    public JdbcDecisionLog(Transactions transactions, Stores stores, AuditChain audit, Clock clock,
                           ResidentDirectory residents, VolumeLedger volume) {
        this.volume = volume;
        this.commits = new GroupCommit(transactions, audit, GroupCommit.DEFAULT_MAX_BATCH);
        this.transactions = transactions;
        this.stores = stores;
        this.clock = clock;
        this.residents = residents;
    }

    @Override
    public Optional<StoredDecision> find(String client, String requestId) {
        return transactions.inTransaction(c -> stores.requests().find(c, client, requestId).flatMap(r -> current(c, r)));
    }

    @Override
    public List<StoredDecision> findAll(String requestId) {
        return transactions.inTransaction(c -> stores.requests().byRequestId(c, requestId).stream()
                .map(r -> current(c, r)).flatMap(Optional::stream).toList());
    }

    @Override
    public Recording record(DecidedRequest decided) {
        // Read before the transaction (or when the history was counted): only residents the register holds can have
        // data disclosed about them.
        Set<VNumber> inRegister = releasesAnything(decided.decision()) ? decided.counted().registered()
                .orElseGet(() -> residents.existing(subjects(decided.request()))) : Set.of();
        return commits.submit((c, records) -> {
            DisclosureRequest request = decided.request();
            Decision decision = decided.decision();
            // Stored with its final status at once: the row only becomes visible with its decision.
            ReceiveResult received = stores.requests().saveReceived(c, NewRequest.of(request.requester(),
                    request.requestId(), decided.bodyJson(), decided.bodySha256(), request.purpose(),
                    decided.receivedAt(), request.history()),
                    decision.overall() == OverallDecision.ESCALATED ? RequestStatus.ESCALATED : RequestStatus.DECIDED);
            if (!(received instanceof ReceiveResult.Created created)) {
                StoredRequest existing = received instanceof ReceiveResult.Replay replay ? replay.request()
                        : ((ReceiveResult.Conflict) received).request();
                return new Recording.AlreadyRecorded(current(c, existing).orElseThrow(() ->
                        new IllegalStateException("a recorded request has no decision")));
            }
            StoredRequest row = created.request();
            UUID decisionId = UUID.fromString(decided.decisionId());
            stores.decisions().saveFirst(c, new NewDecision(decisionId, row.id(), decision.overall(), decision.ruleset(),
                    decided.decisionJson(), clock.instant()));
            Optional<String> escalationId = Optional.empty();
            if (decision.overall() == OverallDecision.ESCALATED) {
                UUID id = TimeOrderedUuid.next();
                stores.escalations().open(c, id, row.id(), decisionId, escalatedFields(decision), clock.instant());
                escalationId = Optional.of(id.toString());
            }
            if (request.legalBasis().oral()) {
                stores.oralOrders().open(c, row.id(), row.receivedAt(),
                        row.receivedAt().plus(OralOrders.WRITTEN_ORDER_DEADLINE));
            }
            volume.record(c, request, decision, decided.counted(), decided.receivedAt());
            Map<FieldName, FieldOutcome> outcomes = new LinkedHashMap<>();
            decision.fields().forEach(f -> outcomes.put(f.field(), f.outcome()));
            stores.disclosures().record(c, Disclosures.of(row, decisionId, subjects(request), outcomes, inRegister,
                    clock.instant()));
            records.append(AuditEventType.DECISION_MADE, actor(request), request.requestId(),
                    AuditPayloads.decision(row, decided, escalationId));
            return new Recording.Recorded(new StoredDecision(row.requestId(), row.requesterClient(),
                    row.requesterUnit(), row.bodySha256(), row.body(), decided.decisionId(), decision.overall(),
                    decided.decisionJson(), escalationId, clock.instant()));
        });
    }

    private Optional<StoredDecision> current(Connection c, StoredRequest request) {
        return stores.decisions().currentForRequest(c, request.id()).map(d -> stored(request, d,
                stores.escalations().openFor(c, request.id()).map(e -> e.escalationId().toString())));
    }

    /** A stored request with one of its stored decisions, as the channels see it. */
    static StoredDecision stored(StoredRequest request, nl.doelbinding.server.persistence.StoredDecision decision,
                                 Optional<String> escalationId) {
        return new StoredDecision(request.requestId(), request.requesterClient(), request.requesterUnit(),
                request.bodySha256(), request.body(), decision.decisionId().toString(), decision.overall(),
                decision.json(), escalationId, decision.decidedAt());
    }

    static String actor(DisclosureRequest request) {
        return actor(request.requester());
    }

    static String actor(Requester requester) {
        return requester.client() + "/" + requester.subject();
    }

    private static String escalatedFields(Decision decision) {
        ArrayNode fields = JsonNodeFactory.instance.arrayNode();
        decision.fields().stream().filter(f -> f.outcome() == FieldOutcome.ESCALATE)
                .forEach(f -> fields.add(f.field().value()));
        return fields.toString();
    }

    private static List<VNumber> subjects(DisclosureRequest request) {
        return request.subjects().stream().map(Subject::vNumber).toList();
    }

    private static boolean releasesAnything(Decision decision) {
        return decision.fields().stream().anyMatch(f -> f.outcome().releases());
    }
}
