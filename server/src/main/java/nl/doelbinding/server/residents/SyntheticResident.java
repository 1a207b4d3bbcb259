package nl.doelbinding.server.residents;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.VNumber;

/**
 * One resident of the synthetic register: a value for every baseline field, in catalogue order
 * (the empty string where the format allows it, such as no departure date while present).
 */
public record SyntheticResident(VNumber vNumber, Map<FieldName, String> values) {
    public SyntheticResident {
        Objects.requireNonNull(vNumber, "vNumber");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of {@code field}, or the empty string when it has none. */
    public String value(FieldName field) {
        return values.getOrDefault(field, "");
    }
}
