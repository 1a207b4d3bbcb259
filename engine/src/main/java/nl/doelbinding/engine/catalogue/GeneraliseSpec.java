package nl.doelbinding.engine.catalogue;

import java.util.Map;
import java.util.Objects;

/**
 * How a field is generalised.
 *
 * @param method    the method
 * @param values    for {@link GeneraliseMethod#MAP}: stored value to released value
 * @param otherwise for {@link GeneraliseMethod#MAP} and {@link GeneraliseMethod#REGION}: the value released
 *                  when the stored value is not in the table
 */
public record GeneraliseSpec(GeneraliseMethod method, Map<String, String> values, String otherwise) {
    public GeneraliseSpec {
        Objects.requireNonNull(method, "method");
        values = values == null ? Map.of() : Map.copyOf(values);
        otherwise = otherwise == null ? "unknown" : otherwise;
    }
}
