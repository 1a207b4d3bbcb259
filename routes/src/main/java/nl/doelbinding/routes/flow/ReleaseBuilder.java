package nl.doelbinding.routes.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.catalogue.FieldDefinition;
import nl.doelbinding.engine.io.DecisionJson;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.VNumber;
import nl.doelbinding.engine.port.ActiveRuleset;
import nl.doelbinding.engine.port.ResidentDirectory;
import nl.doelbinding.engine.port.StoredDecision;
import nl.doelbinding.engine.redaction.PseudonymContext;
import nl.doelbinding.engine.redaction.PseudonymKeys;
import nl.doelbinding.engine.redaction.Redactor;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;

/**
 * Builds the release package of a released decision: for each named subject found in the register, the
 * released fields only, each transformed as decided. A rejected, escalated or unrequested field never
 * appears; a subject not in the register is listed as not found, never invented.
 */
public final class ReleaseBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ResidentDirectory residents;
    private final PseudonymKeys keys;
    private final ActiveRuleset rulesets;

    public ReleaseBuilder(ResidentDirectory residents, PseudonymKeys keys, ActiveRuleset rulesets) {
        this.residents = residents;
        this.keys = keys;
        this.rulesets = rulesets;
    }

    /**
     * The decision document with its {@code release} added, redacted by the catalogue of the ruleset version that
     * made the decision, even if another version is active by now.
     *
     * @throws ProblemException {@code UNAVAILABLE} when that version is not available: no release is built
     */
    public ObjectNode withRelease(StoredDecision stored) {
        ObjectNode decision = withoutRelease(stored.decisionJson().strip());
        decision.set("release", release(stored, decision));
        return decision;
    }

    /**
     * {@link #withRelease} as text, as the channels send it: the stored decision document exactly as stored, with
     * {@code release} as its last member. The stored text is not written again from its parsed tree (about 2% of
     * a decision's CPU under load, docs/performance.md).
     *
     * @throws ProblemException {@code UNAVAILABLE} when that version is not available: no release is built
     */
    public String releaseDocument(StoredDecision stored) {
        String text = stored.decisionJson().strip();
        ObjectNode decision = withoutRelease(text);
        return text.substring(0, text.length() - 1) + ",\"release\":" + release(stored, decision) + "}";
    }

    private ObjectNode release(StoredDecision stored, ObjectNode decision) {
        Catalogue catalogue = rulesets.decidedBy(DecisionJson.rulesetOf(decision)).orElseThrow(() ->
                new ProblemException(ProblemType.UNAVAILABLE, "the ruleset version that made this decision is not"
                        + " available, so no release package can be built")).ruleset().catalogue();
        JsonNode body = read(stored.bodyJson());
        Map<FieldName, FieldOutcome> released = new LinkedHashMap<>();
        for (JsonNode field : decision.path("fields")) {
            FieldOutcome outcome = FieldOutcome.valueOf(field.path("outcome").asText());
            if (outcome.releases()) {
                released.put(new FieldName(field.path("field").asText()), outcome);
            }
        }
        List<VNumber> subjects = new ArrayList<>();
        body.path("subjects").forEach(s -> subjects.add(new VNumber(s.path("vNumber").asText())));
        Map<VNumber, Map<FieldName, String>> values = released.isEmpty() ? Map.of()
                : residents.read(subjects, released.keySet());
        PseudonymContext context = new PseudonymContext(stored.requesterUnit(), body.path("caseReference").asText(""));
        Redactor redactor = new Redactor(catalogue, keys);
        ObjectNode release = JsonNodeFactory.instance.objectNode();
        ArrayNode found = release.putArray("subjects");
        ArrayNode notFound = release.putArray("notFound");
        for (VNumber subject : subjects) {
            Map<FieldName, String> stored0 = released.isEmpty() ? Map.of() : values.get(subject);
            if (stored0 == null) {
                notFound.add(subject.value());
                continue;
            }
            ObjectNode out = found.addObject().put("vNumber", subject.value());
            released.forEach((field, outcome) -> {
                Optional<FieldDefinition> definition = catalogue.field(field);
                definition.flatMap(def -> redactor.release(def, outcome, stored0.get(field), context))
                        .ifPresent(value -> out.put(field.value(), value));
            });
        }
        return release;
    }

    /** A stored decision document, which is one JSON object without a release (else no release is built). */
    private static ObjectNode withoutRelease(String decisionJson) {
        ObjectNode decision = read(decisionJson);
        if (!decisionJson.endsWith("}") || decision.has("release")) {
            throw new IllegalStateException("a stored decision is not one JSON object without a release");
        }
        return decision;
    }

    private static ObjectNode read(String json) {
        try {
            if (JSON.readTree(json) instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalStateException("a stored document is not a JSON object");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored document is not valid JSON", e);
        }
    }
}
