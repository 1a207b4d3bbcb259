package nl.doelbinding.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.port.DecidedRequest;
import nl.doelbinding.engine.port.DecisionLog;
import nl.doelbinding.engine.port.Recording;
import nl.doelbinding.engine.port.StoredDecision;

/** A decision log in memory, for route tests only (the server's is JDBC, tested against real databases). */
final class InMemoryDecisionLog implements DecisionLog {
    final Map<String, StoredDecision> byKey = new ConcurrentHashMap<>();
    final List<DecidedRequest> recorded = new ArrayList<>();

    @Override
    public Optional<StoredDecision> find(String client, String requestId) {
        return Optional.ofNullable(byKey.get(client + "/" + requestId));
    }

    @Override
    public List<StoredDecision> findAll(String requestId) {
        return byKey.values().stream().filter(s -> s.requestId().equals(requestId)).toList();
    }

    @Override
    public synchronized Recording record(DecidedRequest d) {
        String key = d.request().requester().client() + "/" + d.request().requestId();
        StoredDecision existing = byKey.get(key);
        if (existing != null) {
            return new Recording.AlreadyRecorded(existing);
        }
        Optional<String> escalation = d.decision().overall() == OverallDecision.ESCALATED
                ? Optional.of(UUID.randomUUID().toString()) : Optional.empty();
        StoredDecision stored = new StoredDecision(d.request().requestId(), d.request().requester().client(),
                d.request().requester().unit(), d.bodySha256(), d.bodyJson(), d.decisionId(), d.decision().overall(),
                d.decisionJson(), escalation, d.receivedAt());
        byKey.put(key, stored);
        recorded.add(d);
        return new Recording.Recorded(stored);
    }
}
