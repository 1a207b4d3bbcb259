package nl.doelbinding.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import nl.doelbinding.engine.io.CanonicalJson;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.routes.Exchanges;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import nl.doelbinding.server.persistence.RulesetEvent;
import nl.doelbinding.server.persistence.RulesetHistory;
import nl.doelbinding.server.persistence.RulesetStore;
import nl.doelbinding.server.persistence.RulesetVersion;
import nl.doelbinding.server.persistence.StoredRuleset;
import nl.doelbinding.server.persistence.Transactions;
import nl.doelbinding.server.rulesets.CompiledVersions;
import nl.doelbinding.server.rulesets.ReplayChange;
import nl.doelbinding.server.rulesets.RulesetLifecycle;
import nl.doelbinding.server.rulesets.RulesetReplay;
import nl.doelbinding.server.rulesets.UnifiedDiff;
import org.apache.camel.Exchange;

/** The handlers behind the ruleset endpoints (api.md section 4); {@link RulesetApiRoute} wires them. */
public final class RulesetApi {
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    private final Transactions transactions;
    private final RulesetStore store;
    private final RulesetHistory history;
    private final RulesetLifecycle lifecycle;
    private final RulesetReplay replay;
    private final Clock clock;

    public RulesetApi(Transactions transactions, RulesetStore store, RulesetHistory history,
                      RulesetLifecycle lifecycle, RulesetReplay replay, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.history = history;
        this.lifecycle = lifecycle;
        this.replay = replay;
        this.clock = clock;
    }

    /** {@code GET /rulesets}: every version with status, author, approver, activation window and hash. */
    void list(Exchange exchange) {
        ArrayNode versions = JsonNodeFactory.instance.arrayNode();
        transactions.inTransaction(store::list).forEach(v -> versions.add(meta(v)));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("versions", versions);
        JsonReply.ok(exchange, body);
    }

    /** {@code GET /rulesets/{version}}: metadata, history, checks and the list of files. */
    void show(Exchange exchange) {
        int version = version(exchange);
        StoredRuleset stored = stored(version);
        ObjectNode body = meta(stored.meta());
        ArrayNode events = body.putArray("history");
        for (RulesetEvent e : transactions.inTransaction(c -> history.of(c, version))) {
            ObjectNode event = events.addObject().put("step", e.step().name()).put("actor", e.actor())
                    .put("at", e.occurredAt().toString());
            e.detail().ifPresent(d -> event.put("detail", d));
        }
        stored.checkResultsJson().ifPresent(checks -> body.set("checks", CanonicalJson.parse(checks)));
        ArrayNode files = body.putArray("files");
        CompiledVersions.source(stored).files().keySet().forEach(files::add);
        JsonReply.ok(exchange, body);
    }

    /** {@code GET /rulesets/{version}/files/{path}}: one file's text. */
    void file(Exchange exchange) {
        StoredRuleset stored = stored(version(exchange));
        StringBuilder path = new StringBuilder();
        for (String part : List.of("p1", "p2", "p3", "p4")) {
            new QueryParameters(exchange).text(part).ifPresent(p -> path.append(path.isEmpty() ? "" : "/").append(p));
        }
        String text = CompiledVersions.source(stored).file(path.toString()).orElseThrow(() ->
                new ProblemException(ProblemType.NOT_FOUND, "version " + stored.meta().version() + " has no file "
                        + path));
        JsonReply.reply(exchange, 200, text, "text/plain; charset=utf-8");
    }

    /** {@code GET /rulesets/{version}/diff?against={other}}: a unified diff per changed file, from other to this. */
    void diff(Exchange exchange) {
        int version = version(exchange);
        int against = new QueryParameters(exchange).integer("against", -1, 1, Integer.MAX_VALUE);
        SortedMap<String, String> now = CompiledVersions.source(stored(version)).files();
        SortedMap<String, String> then = CompiledVersions.source(stored(against)).files();
        TreeSet<String> paths = new TreeSet<>(now.keySet());
        paths.addAll(then.keySet());
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("version", version).put("against", against);
        ArrayNode files = body.putArray("files");
        StringBuilder whole = new StringBuilder();
        for (String path : paths) {
            String diff = UnifiedDiff.of(path, then.getOrDefault(path, ""), now.getOrDefault(path, ""));
            if (!diff.isEmpty()) {
                String change = !then.containsKey(path) ? "ADDED" : !now.containsKey(path) ? "REMOVED" : "MODIFIED";
                files.addObject().put("path", path).put("change", change).put("diff", diff);
                whole.append(diff);
            }
        }
        body.put("unified", whole.toString());
        JsonReply.ok(exchange, body);
    }

    /** {@code POST /rulesets}: checks and stores a draft; 201 with its version, hash and check results. */
    void upload(Exchange exchange) {
        RulesetUploadBody upload = RulesetUploadBody.read(exchange.getIn().getBody(byte[].class),
                exchange.getIn().getHeader(Exchange.CONTENT_TYPE, String.class),
                new QueryParameters(exchange).text("comment"));
        RulesetLifecycle.Uploaded uploaded = lifecycle.upload(actor(exchange), upload.comment(), upload.source());
        ObjectNode body = meta(uploaded.version());
        body.set("checks", uploaded.checks().json());
        JsonReply.reply(exchange, 201, body.toString(), "application/json");
        exchange.getMessage().setHeader("Location", "/api/v1/rulesets/" + uploaded.version().version());
    }

    /** {@code POST /rulesets/{version}/approve}, body optionally {@code {"effectiveFrom": "..."}}. */
    void approve(Exchange exchange) {
        int version = version(exchange);
        JsonNode body = optionalJson(exchange);
        Optional<Instant> effectiveFrom = Optional.empty();
        if (body.hasNonNull("effectiveFrom")) {
            try {
                effectiveFrom = Optional.of(Instant.parse(body.path("effectiveFrom").asText()));
            } catch (DateTimeParseException e) {
                throw QueryParameters.invalid("effectiveFrom", "must be an ISO-8601 instant such as"
                        + " 2026-12-01T00:00:00Z");
            }
        }
        JsonReply.ok(exchange, meta(lifecycle.approve(version, actor(exchange), effectiveFrom)));
    }

    /** {@code POST /rulesets/{version}/activate}: this node switches before answering. */
    void activate(Exchange exchange) {
        JsonReply.ok(exchange, meta(lifecycle.activate(version(exchange), actor(exchange))));
    }

    /** {@code POST /rulesets/{version}/replay?from=&to=}: what would change; default window the last 30 days. */
    void replay(Exchange exchange) {
        QueryParameters query = new QueryParameters(exchange);
        Instant to = query.instant("to").orElseGet(clock::instant);
        Instant from = query.instant("from").orElse(to.minus(DEFAULT_WINDOW));
        if (!from.isBefore(to)) {
            throw QueryParameters.invalid("from", "must be before to");
        }
        RulesetReplay.Report report = replay.replay(version(exchange), from, to);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("version", report.version())
                .put("sha256", report.sha256()).put("from", report.from().toString()).put("to", report.to().toString())
                .put("replayed", report.replayed()).put("truncated", report.truncated())
                .put("changedRequests", report.changedRequests()).put("changedFields", report.changes().size());
        ObjectNode counts = body.putObject("byPurposeAndField");
        for (Map.Entry<String, Map<String, Integer>> purpose : report.byPurposeAndField().entrySet()) {
            ObjectNode fields = counts.putObject(purpose.getKey());
            purpose.getValue().forEach(fields::put);
        }
        ArrayNode changes = body.putArray("changes");
        for (ReplayChange c : report.changes()) {
            ObjectNode node = changes.addObject().put("requestId", c.requestId()).put("purpose", c.purpose())
                    .put("field", c.field()).put("beforeOutcome", c.beforeOutcome())
                    .put("afterOutcome", c.afterOutcome());
            put(node, "beforeRule", c.beforeRule());
            put(node, "afterRule", c.afterRule());
        }
        JsonReply.ok(exchange, body);
    }

    static ObjectNode meta(RulesetVersion v) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("version", v.version()).put("sha256", v.sha256())
                .put("status", v.status().name()).put("author", v.author()).put("createdAt", v.createdAt().toString());
        put(node, "comment", v.comment());
        put(node, "approver", v.approver());
        put(node, "approvedAt", v.approvedAt().map(Instant::toString));
        put(node, "effectiveFrom", v.effectiveFrom().map(Instant::toString));
        put(node, "activatedBy", v.activatedBy());
        put(node, "activatedAt", v.activatedAt().map(Instant::toString));
        put(node, "retiredAt", v.retiredAt().map(Instant::toString));
        return node;
    }

    private static void put(ObjectNode node, String name, Optional<String> value) {
        Consumer<String> set = text -> node.put(name, text);
        value.ifPresentOrElse(set, () -> node.putNull(name));
    }

    private StoredRuleset stored(int version) {
        return transactions.inTransaction(c -> store.find(c, version)).orElseThrow(() ->
                new ProblemException(ProblemType.NOT_FOUND, "no ruleset version " + version));
    }

    private static int version(Exchange exchange) {
        String text = new QueryParameters(exchange).required("version");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no ruleset version " + text);
        }
    }

    private static JsonNode optionalJson(Exchange exchange) {
        byte[] body = exchange.getIn().getBody(byte[].class);
        if (body == null || body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return CanonicalJson.parse(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw QueryParameters.invalid("$", "the body is " + e.getMessage());
        }
    }

    private static String actor(Exchange exchange) {
        Requester who = exchange.getProperty(Exchanges.REQUESTER, Requester.class);
        return who.client() + "/" + who.subject();
    }
}
