package nl.doelbinding.engine.ruleset;

import java.util.Objects;

/**
 * A problem found in a ruleset, addressed to its author: {@code file:line: message}.
 *
 * @param file    the file's path inside the ruleset folder
 * @param line    the 1-based line, or 0 when the problem concerns the file as a whole
 * @param message what is wrong, in the author's terms
 */
public record RulesetProblem(String file, int line, String message) {
    public RulesetProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
