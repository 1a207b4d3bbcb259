package nl.doelbinding.engine.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.io.RequestReader;
import nl.doelbinding.engine.io.RequestValidationException;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.RequestHistory;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.engine.model.RuleId;

/**
 * Reads scenario files (api.md section 7) against a ruleset's catalogue. A code the catalogue does not
 * know, in the request or in the expectation, is an error that names file, case and code.
 */
public final class ScenarioLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> CASE_KEYS = Set.of("name", "request", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("decision", "fields", "rules", "citations", "requestRules");

    private final Catalogue catalogue;
    private final RequestReader reader;

    public ScenarioLoader(Catalogue catalogue) {
        this.catalogue = catalogue;
        this.reader = new RequestReader(catalogue);
    }

    /** Loads the cases of one file's text. */
    public List<ScenarioCase> load(String file, String text, Consumer<ScenarioError> errors) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            errors.accept(new ScenarioError(file, "", "line " + line + ": " + e.getOriginalMessage()));
            return List.of();
        }
        JsonNode cases = root == null ? null : root.get("cases");
        if (cases == null || !cases.isArray()) {
            errors.accept(new ScenarioError(file, "", "a scenario file holds a list 'cases'"));
            return List.of();
        }
        List<ScenarioCase> loaded = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < cases.size(); i++) {
            JsonNode node = cases.get(i);
            String name = node.path("name").asText("case " + (i + 1));
            if (!names.add(name)) {
                errors.accept(new ScenarioError(file, name, "two cases have this name"));
            }
            List<String> problems = new ArrayList<>();
            Optional<ScenarioCase> scenario = scenario(file, name, i, node, problems);
            problems.forEach(p -> errors.accept(new ScenarioError(file, name, p)));
            if (problems.isEmpty()) {
                scenario.ifPresent(loaded::add);
            }
        }
        return loaded;
    }

    private Optional<ScenarioCase> scenario(String file, String name, int index, JsonNode node, List<String> problems) {
        unknownKeys(node, CASE_KEYS, "", problems);
        JsonNode request = node.get("request");
        if (request == null || !request.isObject()) {
            problems.add("has no request");
            return Optional.empty();
        }
        ObjectNode body = ((ObjectNode) request).deepCopy();
        Requester requester = requester(body.remove("requester"), problems);
        RequestHistory history = history(body.remove("history"), problems);
        if (!body.has("requestId")) {
            body.put("requestId", "scenario-" + (index + 1));
        }
        Expectation expectation = expectation(node.get("expect"), problems);
        try {
            return Optional.of(new ScenarioCase(file, name, reader.read(body, requester).withHistory(history),
                    expectation));
        } catch (RequestValidationException e) {
            e.errors().forEach(error -> problems.add("request " + error.property() + ": " + error.message()));
            return Optional.empty();
        }
    }

    private static Requester requester(JsonNode node, List<String> problems) {
        Set<String> roles = new LinkedHashSet<>(List.of("police-requester"));
        String unit = "scenario-unit";
        if (node != null && node.isObject()) {
            unknownKeys(node, Set.of("roles", "unit"), "requester.", problems);
            if (node.has("roles")) {
                roles.clear();
                node.get("roles").forEach(r -> roles.add(r.asText()));
            }
            unit = node.path("unit").asText(unit);
        }
        return new Requester("scenario", "scenario", roles, unit);
    }

    /**
     * The requester's earlier requests as the server would count them ({@code history: { earlierRequests: 20,
     * locationCoverage: 12 }}); a case without it is a first request.
     */
    private static RequestHistory history(JsonNode node, List<String> problems) {
        if (node == null || node.isNull()) {
            return RequestHistory.NONE;
        }
        if (!node.isObject()) {
            problems.add("history must be a map with earlierRequests and locationCoverage");
            return RequestHistory.NONE;
        }
        unknownKeys(node, Set.of("earlierRequests", "locationCoverage"), "history.", problems);
        try {
            return new RequestHistory(count(node, "earlierRequests", problems), count(node, "locationCoverage", problems));
        } catch (IllegalArgumentException e) {
            problems.add("history: " + e.getMessage());
            return RequestHistory.NONE;
        }
    }

    private static int count(JsonNode history, String key, List<String> problems) {
        JsonNode value = history.get(key);
        if (value == null) {
            return 0;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            problems.add("history." + key + " must be a whole number");
            return 0;
        }
        return value.intValue();
    }

    private Expectation expectation(JsonNode expect, List<String> problems) {
        if (expect == null || !expect.isObject()) {
            problems.add("has no 'expect'");
            return new Expectation(Optional.empty(), Map.of(), Map.of(), Map.of(), Optional.empty());
        }
        unknownKeys(expect, EXPECT_KEYS, "expect.", problems);
        Optional<OverallDecision> decision = Optional.ofNullable(expect.get("decision"))
                .flatMap(d -> constant(OverallDecision.class, d.asText(), "decision", problems));
        Map<FieldName, FieldOutcome> fields = perField(expect.get("fields"), "fields", problems,
                v -> constant(FieldOutcome.class, v, "outcome", problems).orElse(null));
        Map<FieldName, RuleId> rules = perField(expect.get("rules"), "rules", problems,
                v -> ruleId(v, problems));
        Map<FieldName, String> citations = perField(expect.get("citations"), "citations", problems, v -> v);
        Optional<List<RuleId>> requestRules = Optional.ofNullable(expect.get("requestRules")).map(list -> {
            List<RuleId> ids = new ArrayList<>();
            list.forEach(r -> Optional.ofNullable(ruleId(r.asText(), problems)).ifPresent(ids::add));
            return ids;
        });
        return new Expectation(decision, fields, rules, citations, requestRules);
    }

    private <V> Map<FieldName, V> perField(JsonNode node, String key, List<String> problems, Function<String, V> value) {
        Map<FieldName, V> map = new LinkedHashMap<>();
        if (node == null) {
            return map;
        }
        if (!node.isObject()) {
            problems.add("expect." + key + " must map field codes to values");
            return map;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Optional<FieldName> field = field(entry.getKey());
            if (field.isEmpty()) {
                problems.add("expect." + key + ": unknown field '" + entry.getKey() + "'");
                continue;
            }
            V v = value.apply(entry.getValue().asText());
            if (v != null) {
                map.put(field.get(), v);
            }
        }
        return map;
    }

    private Optional<FieldName> field(String code) {
        try {
            FieldName name = new FieldName(code);
            return catalogue.field(name).map(f -> name);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static RuleId ruleId(String value, List<String> problems) {
        try {
            return new RuleId(value);
        } catch (IllegalArgumentException e) {
            problems.add("'" + value + "' is not a rule ID");
            return null;
        }
    }

    private static <E extends Enum<E>> Optional<E> constant(Class<E> type, String value, String what,
                                                           List<String> problems) {
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            problems.add("unknown " + what + " '" + value + "'");
            return Optional.empty();
        }
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, List<String> problems) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add("unknown key '" + prefix + name + "'");
            }
        });
    }
}
