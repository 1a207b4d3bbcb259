package nl.doelbinding.engine.model;

import java.util.regex.Pattern;

/** The stable identifier of a rule, such as {@code SPECIAL-01}: upper-case words joined by hyphens. */
public record RuleId(String value) implements Comparable<RuleId> {
    public static final Pattern PATTERN = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

    /** The engine's own rule for a field that no rule decides (default deny). */
    public static final RuleId DEFAULT_DENY = new RuleId("DEFAULT-DENY");
    /** The engine's own rule when evaluation failed: fail closed. */
    public static final RuleId ENGINE_ERROR = new RuleId("ENGINE-ERROR");
    /** The engine's own rule when the catalogue has no method for the chosen redaction. */
    public static final RuleId NO_REDACTION_METHOD = new RuleId("ENGINE-NO-METHOD");

    public RuleId {
        Code.require(value, PATTERN, "rule id");
    }

    @Override
    public int compareTo(RuleId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
