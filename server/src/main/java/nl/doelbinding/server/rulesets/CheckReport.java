package nl.doelbinding.server.rulesets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import nl.doelbinding.engine.io.CanonicalJson;
import nl.doelbinding.engine.io.ValidationError;

/**
 * The stored result of a draft's checks: the details (compile, scenarios, coverage, invariants) and the reasons
 * it cannot be approved, each as {@code property} (where: {@code file:line}, a scenario case, an invariant) and
 * {@code message}. Stored as JSON with the version and read back at approval.
 *
 * @param json the whole report, with {@code passed} and {@code reasons}
 */
public record CheckReport(ObjectNode json) {
    /** True when every check passed. */
    public boolean passed() {
        return json.path("passed").asBoolean(false);
    }

    /** Why it cannot be approved, each naming where (the property) and what. */
    public List<ValidationError> reasons() {
        List<ValidationError> reasons = new ArrayList<>();
        for (JsonNode r : json.path("reasons")) {
            reasons.add(new ValidationError(r.path("property").asText(), r.path("message").asText()));
        }
        return reasons;
    }

    /** The active version whose invariants were checked too, if one was active. */
    public OptionalInt invariantsOfActiveVersion() {
        JsonNode v = json.path("invariantsOfActiveVersion");
        return v.isIntegralNumber() ? OptionalInt.of(v.intValue()) : OptionalInt.empty();
    }

    public String text() {
        return CanonicalJson.write(json);
    }

    /** A report read back from its stored text. */
    public static CheckReport parse(String text) {
        return new CheckReport((ObjectNode) CanonicalJson.parse(text));
    }

    /** Collects reasons while the checks run. */
    static final class Builder {
        private final ObjectNode json;
        private final ArrayNode reasons;

        Builder(ObjectNode json) {
            this.json = json;
            this.reasons = json.putArray("reasons");
        }

        void fail(String check, String where, String message) {
            reasons.addObject().put("check", check).put("property", where).put("message", message);
        }

        CheckReport build() {
            json.put("passed", reasons.isEmpty());
            return new CheckReport(json);
        }
    }
}
