package nl.doelbinding.engine.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.catalogue.FieldDefinition;
import nl.doelbinding.engine.io.RequestReader;
import nl.doelbinding.engine.model.FieldCategory;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.InstrumentCode;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.ruleset.RulesetSource;

/**
 * Reads invariant files ({@code invariants/*.yaml} of a ruleset, or files given on the command line)
 * against a ruleset's catalogue. Every problem is reported with its file, invariant id and the unknown
 * key or code; nothing is guessed.
 */
public final class InvariantReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("id", "description", "citation", "when", "fieldOutcomeIn",
            "decisionIn");
    private static final Set<String> WHEN_KEYS = Set.of("categories", "fields", "purposes", "instruments",
            "authorisation", "oral", "caseReference", "orderReference", "subjects", "earlierRequests", "locationCoverage");

    private final Catalogue catalogue;

    public InvariantReader(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The invariants a ruleset carries: its {@code invariants/*.yaml} (and {@code *.yml}) files. */
    public InvariantSet readOwn(RulesetSource source) {
        SortedMap<String, String> files = new TreeMap<>(source.filesUnder("invariants", ".yaml"));
        files.putAll(source.filesUnder("invariants", ".yml"));
        return read(files);
    }

    /** Reads files given by name and text; an id may be used only once among them. */
    public InvariantSet read(SortedMap<String, String> files) {
        List<Invariant> invariants = new ArrayList<>();
        List<InvariantError> errors = new ArrayList<>();
        Map<String, String> seen = new TreeMap<>();
        files.forEach((file, text) -> {
            for (Invariant invariant : read(file, text, errors::add)) {
                String earlier = seen.putIfAbsent(invariant.id(), file);
                if (earlier != null) {
                    errors.add(new InvariantError(file, invariant.id(), "the id is already used in " + earlier));
                } else {
                    invariants.add(invariant);
                }
            }
        });
        return new InvariantSet(invariants, errors);
    }

    private List<Invariant> read(String file, String text, Consumer<InvariantError> errors) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            errors.accept(new InvariantError(file, "", "line " + line + ": " + e.getOriginalMessage()));
            return List.of();
        }
        JsonNode list = root == null ? null : root.get("invariants");
        if (root == null || !root.isObject() || list == null || !list.isArray()) {
            errors.accept(new InvariantError(file, "", "an invariant file holds a list 'invariants'"));
            return List.of();
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!"invariants".equals(key)) {
                errors.accept(new InvariantError(file, "", "unknown key '" + key + "'"));
            }
        });
        List<Invariant> read = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String id = node.path("id").isTextual() ? node.path("id").asText().strip() : "";
            String name = id.isEmpty() ? "#" + (i + 1) : id;
            List<String> problems = new ArrayList<>();
            Optional<Invariant> invariant = invariant(file, id, node, problems);
            problems.forEach(p -> errors.accept(new InvariantError(file, name, p)));
            if (problems.isEmpty()) {
                invariant.ifPresent(read::add);
            }
        }
        return read;
    }

    private Optional<Invariant> invariant(String file, String id, JsonNode node, List<String> problems) {
        if (!node.isObject()) {
            problems.add("must be a mapping with id, when and fieldOutcomeIn or decisionIn");
            return Optional.empty();
        }
        unknownKeys(node, KEYS, "", problems);
        if (id.isEmpty()) {
            problems.add("has no id");
        }
        InvariantScope when = scope(node.get("when"), problems);
        Optional<Set<FieldOutcome>> outcomes = list(node, "fieldOutcomeIn", problems,
                v -> constant(FieldOutcome.class, v, "outcome"));
        Optional<Set<OverallDecision>> decisions = list(node, "decisionIn", problems,
                v -> constant(OverallDecision.class, v, "decision"));
        if (outcomes.isEmpty() && decisions.isEmpty() && !node.has("fieldOutcomeIn") && !node.has("decisionIn")) {
            problems.add("says nothing: give fieldOutcomeIn or decisionIn");
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Invariant(id, text(node, "description"), text(node, "citation"), file, when,
                outcomes, decisions));
    }

    private InvariantScope scope(JsonNode when, List<String> problems) {
        if (when == null || when.isNull()) {
            return InvariantScope.everything();
        }
        if (!when.isObject()) {
            problems.add("'when' must be a mapping");
            return InvariantScope.everything();
        }
        unknownKeys(when, WHEN_KEYS, "when.", problems);
        Optional<Set<FieldCategory>> categories = list(when, "categories", problems,
                v -> constant(FieldCategory.class, v, "category"));
        Optional<Set<FieldName>> fields = list(when, "fields", problems, this::field);
        Optional<Set<Optional<PurposeCode>>> purposes = list(when, "purposes", problems, this::purpose);
        Optional<Set<InstrumentCode>> instruments = list(when, "instruments", problems, this::instrument);
        Optional<Set<Integer>> subjects = list(when, "subjects", problems, InvariantReader::subjects);
        Optional<Set<Integer>> earlier = list(when, "earlierRequests", problems,
                v -> count(v, Integer.MAX_VALUE, "a number of earlier requests"));
        Optional<Set<Integer>> coverages = list(when, "locationCoverage", problems,
                v -> count(v, 100, "a coverage in percent"));
        if (categories.isPresent() && fields.isPresent()) {
            for (FieldName name : fields.get()) {
                catalogue.field(name).map(FieldDefinition::category).filter(c -> !categories.get().contains(c))
                        .ifPresent(c -> problems.add("when.fields names '" + name + "', which is in category " + c
                                + ", not in when.categories; both keys narrow the space, so it would drop out"));
            }
        }
        InvariantScope scope = new InvariantScope(categories, fields, purposes, instruments,
                flags(when, "authorisation", problems), flags(when, "oral", problems),
                flags(when, "caseReference", problems), flags(when, "orderReference", problems), subjects, earlier,
                coverages);
        if (problems.isEmpty() && catalogue.fields().stream().noneMatch(scope::covers)) {
            problems.add("'when' selects no field of the catalogue, so it would prove nothing");
        }
        return scope;
    }

    private static Optional<Set<Boolean>> flags(JsonNode when, String key, List<String> problems) {
        return list(when, key, problems, v -> v.isBoolean() ? Result.of(v.booleanValue())
                : "true".equals(v.asText()) || "false".equals(v.asText()) ? Result.of(Boolean.valueOf(v.asText()))
                : Result.<Boolean>error("'" + v.asText() + "' is not true or false"));
    }

    /** A list (or a single value) of the key, each value converted; empty when the key is absent. */
    private static <T> Optional<Set<T>> list(JsonNode parent, String key, List<String> problems,
                                             Function<JsonNode, Result<T>> convert) {
        String label = KEYS.contains(key) ? key : "when." + key;
        JsonNode node = parent.get(key);
        if (node == null) {
            return Optional.empty();
        }
        List<JsonNode> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(values::add);
        } else {
            values.add(node);
        }
        if (values.isEmpty()) {
            problems.add(label + " is an empty list, which would select nothing; leave the key out for every value");
            return Optional.empty();
        }
        Set<T> converted = new LinkedHashSet<>();
        boolean failed = false;
        for (JsonNode value : values) {
            Result<T> result = convert.apply(value);
            if (result.error != null) {
                problems.add(result.error + " in " + label);
                failed = true;
            } else {
                converted.add(result.value);
            }
        }
        return failed ? Optional.empty() : Optional.of(converted);
    }

    private Result<FieldName> field(JsonNode value) {
        String code = value.asText();
        try {
            FieldName name = new FieldName(code);
            if (catalogue.field(name).isPresent()) {
                return Result.of(name);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        return Result.error("unknown field '" + code + "'");
    }

    private Result<Optional<PurposeCode>> purpose(JsonNode value) {
        if (value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return Result.of(Optional.empty()); // ~, null or "": a request that names no purpose
        }
        String code = value.asText();
        try {
            PurposeCode purpose = new PurposeCode(code);
            if (catalogue.purpose(purpose).isPresent()) {
                return Result.of(Optional.of(purpose));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        return Result.error("unknown purpose '" + code + "'");
    }

    private Result<InstrumentCode> instrument(JsonNode value) {
        if (value.isNull()) {
            return Result.of(InstrumentCode.NONE); // no instrument named
        }
        String code = value.asText();
        try {
            InstrumentCode instrument = new InstrumentCode(code);
            if (catalogue.instrument(instrument).isPresent()) {
                return Result.of(instrument);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        return Result.error("unknown instrument '" + code + "'");
    }

    private static Result<Integer> subjects(JsonNode value) {
        boolean number = value.isIntegralNumber() || (value.isTextual() && value.asText().matches("\\d{1,9}"));
        if (!number || value.asLong() < 0 || value.asLong() > RequestReader.MAX_SUBJECTS) {
            return Result.error("'" + value.asText() + "' is not a number of subjects from 0 to "
                    + RequestReader.MAX_SUBJECTS);
        }
        return Result.of((int) value.asLong());
    }

    private static Result<Integer> count(JsonNode value, int max, String what) {
        boolean number = value.isIntegralNumber() || (value.isTextual() && value.asText().matches("\\d{1,9}"));
        if (!number || value.asLong() < 0 || value.asLong() > max) {
            return Result.error("'" + value.asText() + "' is not " + what + " from 0 to " + max);
        }
        return Result.of((int) value.asLong());
    }

    private static <E extends Enum<E>> Result<E> constant(Class<E> type, JsonNode value, String what) {
        try {
            return Result.of(Enum.valueOf(type, value.asText()));
        } catch (IllegalArgumentException e) {
            return Result.error("unknown " + what + " '" + value.asText() + "'");
        }
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? "" : value.asText().strip();
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String prefix, List<String> problems) {
        Set<String> unknown = new HashSet<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name) && unknown.add(name)) {
                problems.add("unknown key '" + prefix + name + "'");
            }
        });
    }

    /** A converted value or why it could not be converted. */
    private record Result<T>(T value, String error) {
        static <T> Result<T> of(T value) {
            return new Result<>(value, null);
        }

        static <T> Result<T> error(String error) {
            return new Result<>(null, error);
        }
    }
}
