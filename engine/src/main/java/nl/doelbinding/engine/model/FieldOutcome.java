package nl.doelbinding.engine.model;

/**
 * What happens to one requested field. Declared from least to most restrictive: when rules disagree,
 * the most restrictive outcome wins ({@code REJECT > ESCALATE > PSEUDONYMISE > GENERALISE > MASK > DISCLOSE}).
 */
public enum FieldOutcome {
    DISCLOSE,
    MASK,
    GENERALISE,
    PSEUDONYMISE,
    ESCALATE,
    REJECT;

    /** True when the field leaves the holder in some form (after redaction). */
    public boolean releases() {
        return switch (this) {
            case DISCLOSE, MASK, GENERALISE, PSEUDONYMISE -> true;
            case ESCALATE, REJECT -> false;
        };
    }

    /** True when this outcome is more restrictive than {@code other}. */
    public boolean isMoreRestrictiveThan(FieldOutcome other) {
        return compareTo(other) > 0;
    }
}
