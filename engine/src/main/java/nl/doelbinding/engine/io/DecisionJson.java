package nl.doelbinding.engine.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.OptionalInt;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.FieldDecision;
import nl.doelbinding.engine.model.RuleHit;
import nl.doelbinding.engine.model.RulesetRef;

/** Writes a decision as the JSON of api.md section 3, the same on every channel. */
public final class DecisionJson {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private DecisionJson() {
    }

    /**
     * The decision document.
     *
     * @param release      the release package, only for released decisions
     * @param escalationId the review's id, only for escalated decisions
     */
    public static ObjectNode write(Decision decision, String decisionId, Optional<JsonNode> release,
                                   Optional<String> escalationId) {
        ObjectNode root = JSON.objectNode();
        root.put("requestId", decision.requestId());
        root.put("decisionId", decisionId);
        root.put("decision", decision.overall().name());
        ObjectNode ruleset = root.putObject("ruleset");
        if (decision.ruleset().version().isPresent()) {
            ruleset.put("version", decision.ruleset().version().getAsInt());
        } else {
            ruleset.putNull("version");
        }
        ruleset.put("sha256", decision.ruleset().sha256());
        ArrayNode requestRules = root.putArray("requestRules");
        decision.requestRules().forEach(hit -> requestRules.add(hit(hit)));
        ArrayNode fields = root.putArray("fields");
        decision.fields().forEach(field -> fields.add(field(field)));
        release.ifPresent(r -> root.set("release", r));
        if (escalationId.isPresent()) {
            root.put("escalationId", escalationId.get());
        } else {
            root.putNull("escalationId");
        }
        return root;
    }

    private static ObjectNode hit(RuleHit hit) {
        ObjectNode node = JSON.objectNode();
        node.put("rule", hit.rule().value());
        node.put("outcome", hit.outcome().name());
        node.put("citation", hit.citation());
        node.put("explanation", hit.explanation());
        return node;
    }

    private static ObjectNode field(FieldDecision decision) {
        ObjectNode node = JSON.objectNode();
        node.put("field", decision.field().value());
        node.put("outcome", decision.outcome().name());
        node.put("rule", decision.decidedBy().rule().value());
        node.put("citation", decision.decidedBy().citation());
        node.put("explanation", decision.decidedBy().explanation());
        ArrayNode fired = node.putArray("firedRules");
        for (RuleHit hit : decision.fired()) {
            ObjectNode f = fired.addObject();
            f.put("rule", hit.rule().value());
            f.put("outcome", hit.outcome().name());
            f.put("citation", hit.citation());
        }
        return node;
    }

    /** The ruleset version a decision document (parsed) says it was made under. */
    public static RulesetRef rulesetOf(JsonNode decision) {
        JsonNode ruleset = decision.path("ruleset");
        JsonNode version = ruleset.path("version");
        return new RulesetRef(version.isIntegralNumber() ? OptionalInt.of(version.intValue()) : OptionalInt.empty(),
                ruleset.path("sha256").asText());
    }
}
