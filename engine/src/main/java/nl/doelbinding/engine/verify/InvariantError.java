package nl.doelbinding.engine.verify;

import java.util.Objects;

/**
 * A problem in an invariant file, addressed to its author.
 *
 * @param file      the file
 * @param invariant the invariant's id, or empty when the problem is with the file as a whole
 * @param message   what is wrong
 */
public record InvariantError(String file, String invariant, String message) {
    public InvariantError {
        Objects.requireNonNull(file, "file");
        invariant = invariant == null ? "" : invariant;
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return invariant.isEmpty() ? file + ": " + message : file + ": invariant " + invariant + ": " + message;
    }
}
