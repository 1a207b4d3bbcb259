package nl.doelbinding.engine.redaction;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.catalogue.FieldDefinition;
import nl.doelbinding.engine.catalogue.GeneraliseSpec;
import nl.doelbinding.engine.catalogue.MaskSpec;
import nl.doelbinding.engine.model.FieldOutcome;

/**
 * Applies a field's outcome to its stored value, as the catalogue prescribes. Returns empty when the
 * field must not be released (rejected, escalated, or a value that cannot be transformed safely).
 */
public final class Redactor {
    /** Pseudonyms keep 128 bits of the HMAC: enough to avoid collisions, short enough to read. */
    private static final int PSEUDONYM_BYTES = 16;

    private final Catalogue catalogue;
    private final PseudonymKeys keys;

    public Redactor(Catalogue catalogue, PseudonymKeys keys) {
        this.catalogue = catalogue;
        this.keys = keys;
    }

    /**
     * The released form of one value.
     *
     * @param context the requesting unit and case, which key the pseudonyms
     */
    public Optional<String> release(FieldDefinition field, FieldOutcome outcome, String value,
                                    PseudonymContext context) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (outcome) {
            case DISCLOSE -> Optional.of(value);
            case MASK -> field.mask().map(spec -> mask(value, spec));
            case GENERALISE -> field.generalise().flatMap(spec -> generalise(value, spec));
            case PSEUDONYMISE -> Optional.of(pseudonymise(field, value, context));
            case ESCALATE, REJECT -> Optional.empty();
        };
    }

    static String mask(String value, MaskSpec spec) {
        int keep = Math.min(spec.keepLast(), value.length());
        return "*".repeat(value.length() - keep) + value.substring(value.length() - keep);
    }

    private Optional<String> generalise(String value, GeneraliseSpec spec) {
        return switch (spec.method()) {
            case YEAR -> date(value).map(d -> String.valueOf(d.getYear()));
            case YEAR_MONTH -> date(value).map(d -> String.format("%04d-%02d", d.getYear(), d.getMonthValue()));
            case REGION -> Optional.of(catalogue.regionOf(value).orElse(spec.otherwise()));
            case COUNT -> Optional.of(String.valueOf(value.isBlank() ? 0 : value.split(";").length));
            case INITIALS -> Optional.of(initials(value));
            case MAP -> Optional.of(spec.values().getOrDefault(value, spec.otherwise()));
        };
    }

    /** A date that does not parse is not released: better nothing than a value we could not coarsen. */
    private static Optional<LocalDate> date(String value) {
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String initials(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append('.');
            }
        }
        return out.toString();
    }

    private String pseudonymise(FieldDefinition field, String value, PseudonymContext context) {
        byte[] key = keys.keyFor(context.unit(), context.caseReference());
        byte[] mac = DerivedPseudonymKeys.Hmac.sha256(key, field.name().value() + '\0' + value);
        return "psn:" + HexFormat.of().formatHex(mac, 0, PSEUDONYM_BYTES);
    }
}
