package nl.doelbinding.engine.io;

import java.util.Objects;

/**
 * One thing wrong with a request, naming the property.
 *
 * @param property the JSON path of the property, such as {@code fields[2]} or {@code legalBasis.instrument}
 * @param message  what is wrong with it
 */
public record ValidationError(String property, String message) {
    public ValidationError {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return property + ": " + message;
    }
}
