package nl.doelbinding.server.persistence;

import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The text of column {@code disclosure_records.fields}: {@code field=OUTCOME} pairs joined by {@code ,}, in the
 * decision's order, such as {@code name=DISCLOSE,current_location=GENERALISE}. Field codes are lower_snake and
 * outcomes enum names, so neither separator needs escaping. Migration V6 writes the same text from the old rows.
 */
final class ReleasedFieldsColumn {
    private ReleasedFieldsColumn() {
    }

    static String encode(Map<FieldName, FieldOutcome> released) {
        StringBuilder text = new StringBuilder(released.size() * 24);
        released.forEach((field, outcome) -> {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(field.value()).append('=').append(outcome.name());
        });
        return text.toString();
    }

    /** The pairs of a stored value; fails on text this class did not write. */
    static Map<FieldName, FieldOutcome> decode(String text) {
        Map<FieldName, FieldOutcome> released = new LinkedHashMap<>();
        for (String pair : text.split(",", -1)) {
            int equals = pair.indexOf('=');
            if (equals < 0 || released.put(new FieldName(pair.substring(0, equals)),
                    FieldOutcome.valueOf(pair.substring(equals + 1))) != null) {
                throw new IllegalStateException("malformed register row: fields '" + text + "'");
            }
        }
        return released;
    }
}
