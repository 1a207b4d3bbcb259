package nl.doelbinding.server.rulesets;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.doelbinding.engine.decision.RulesetDecisionEngine;
import nl.doelbinding.engine.io.CanonicalJson;
import nl.doelbinding.engine.io.DecisionJson;
import nl.doelbinding.engine.io.RequestReader;
import nl.doelbinding.engine.io.RequestValidationException;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import nl.doelbinding.server.flow.Stores;
import nl.doelbinding.server.persistence.StoredDecision;
import nl.doelbinding.server.persistence.StoredRequest;
import nl.doelbinding.server.persistence.Transactions;

/**
 * Re-decides the stored requests of a time window under one version (any status, drafts included) and reports
 * what would change against the decision the engine gave then (before any human review). Reads only: nothing
 * is recorded, released or audited, and no resident data is read.
 */
public final class RulesetReplay {
    /** At most this many requests per replay; the report says when the window held more. */
    public static final int MAX_REQUESTS = 20_000;
    private static final int PAGE = 500;

    private final Transactions transactions;
    private final Stores stores;
    private final CompiledVersions versions;

    public RulesetReplay(Transactions transactions, Stores stores, CompiledVersions versions) {
        this.transactions = transactions;
        this.stores = stores;
        this.versions = versions;
    }

    /** The outcome of a replay. */
    public record Report(int version, String sha256, Instant from, Instant to, int replayed, boolean truncated,
                         List<ReplayChange> changes) {
        /** Requests with at least one change. */
        public long changedRequests() {
            return changes.stream().map(ReplayChange::requestId).distinct().count();
        }

        /** Changes counted per purpose, then per field. */
        public Map<String, Map<String, Integer>> byPurposeAndField() {
            Map<String, Map<String, Integer>> counts = new java.util.TreeMap<>();
            changes.forEach(c -> counts.computeIfAbsent(c.purpose(), p -> new java.util.TreeMap<>())
                    .merge(c.field(), 1, Integer::sum));
            return counts;
        }
    }

    public Report replay(int version, Instant from, Instant to) {
        boolean exists = transactions.inTransaction(c -> stores.rulesets().find(c, version)).isPresent();
        if (!exists) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no ruleset version " + version);
        }
        RulesetDecisionEngine engine = versions.engine(version).orElseThrow(() -> new ProblemException(
                ProblemType.CONFLICT, "version " + version + " does not compile, so it cannot be replayed"));
        List<ReplayChange> changes = new ArrayList<>();
        int replayed = 0;
        long afterId = 0;
        while (replayed < MAX_REQUESTS) {
            long after = afterId;
            List<Stored> page = transactions.inTransaction(c -> stores.requests()
                    .receivedBetween(c, from, to, after, PAGE).stream()
                    .map(r -> new Stored(r, stores.decisions().history(c, r.id()).stream().findFirst()))
                    .toList());
            if (page.isEmpty()) {
                break;
            }
            for (Stored s : page) {
                afterId = s.request().id();
                if (s.first().isPresent() && replayed < MAX_REQUESTS) {
                    replayed++;
                    changes.addAll(compare(engine, s.request(), s.first().get()));
                }
            }
        }
        boolean truncated = replayed >= MAX_REQUESTS;
        return new Report(version, engine.reference().sha256(), from, to, replayed, truncated, changes);
    }

    private record Stored(StoredRequest request, Optional<StoredDecision> first) {
    }

    private static List<ReplayChange> compare(RulesetDecisionEngine engine, StoredRequest stored,
                                              StoredDecision before) {
        String purpose = stored.purpose().map(p -> p.value()).orElse("");
        Requester requester = new Requester(stored.requesterSubject(), stored.requesterClient(), Set.of(),
                stored.requesterUnit());
        DisclosureRequest request;
        try {
            // Decided again on the history it was decided on then (R8): a replay asks what the rules would have said.
            request = new RequestReader(engine.ruleset().catalogue()).read(CanonicalJson.parse(stored.body()),
                    requester).withHistory(stored.history());
        } catch (RequestValidationException e) {
            return List.of(new ReplayChange(stored.requestId(), purpose, "*", before.overall().name(), "INVALID",
                    Optional.empty(), Optional.empty()));
        }
        Decision decision = engine.decide(request);
        Map<String, JsonNode> was = fields(CanonicalJson.parse(before.json()));
        Map<String, JsonNode> now = fields(DecisionJson.write(decision, "replay", Optional.empty(),
                Optional.empty()));
        List<ReplayChange> changes = new ArrayList<>();
        now.forEach((field, after) -> {
            JsonNode then = was.get(field);
            String beforeOutcome = then == null ? "ABSENT" : then.path("outcome").asText();
            Optional<String> beforeRule = then == null ? Optional.empty() : Optional.of(then.path("rule").asText());
            Optional<String> afterRule = Optional.of(after.path("rule").asText());
            String afterOutcome = after.path("outcome").asText();
            if (!beforeOutcome.equals(afterOutcome) || !beforeRule.equals(afterRule)) {
                changes.add(new ReplayChange(stored.requestId(), purpose, field, beforeOutcome, afterOutcome,
                        beforeRule, afterRule));
            }
        });
        return changes;
    }

    private static Map<String, JsonNode> fields(JsonNode decision) {
        Map<String, JsonNode> byField = new LinkedHashMap<>();
        decision.path("fields").forEach(f -> byField.put(f.path("field").asText(), f));
        return byField;
    }
}
