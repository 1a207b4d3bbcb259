package nl.doelbinding.engine.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** Validation shared by the catalogue code value objects. */
final class Code {
    static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9_]*");
    static final Pattern LOWER_SNAKE = Pattern.compile("[a-z][a-z0-9_]*");

    private Code() {
    }

    static String require(String value, Pattern pattern, String what) {
        Objects.requireNonNull(value, what);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + pattern.pattern() + ": '" + value + "'");
        }
        return value;
    }
}
