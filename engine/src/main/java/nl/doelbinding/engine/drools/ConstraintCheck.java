package nl.doelbinding.engine.drools;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Admits only plain comparisons of a fact's own properties with literals: no method calls, no
 * property navigation, no other names. A vocabulary (which authors may upload) therefore cannot
 * smuggle code into a condition.
 */
final class ConstraintCheck {
    static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(\"[^\"\\\\]*\")|(\\d+)|([A-Za-z_$][A-Za-z0-9_$]*)|(==|!=|<=|>=|&&|\\|\\||[<>!,()]))");
    private static final Set<String> WORDS = Set.of("true", "false", "in", "not");

    private ConstraintCheck() {
    }

    /** Why the expression is not allowed, or empty when it is. */
    static Optional<String> check(String expression, Set<String> properties) {
        Matcher m = TOKEN.matcher(expression);
        int position = 0;
        String previous = "";
        while (position < expression.length()) {
            if (expression.substring(position).isBlank()) {
                break;
            }
            if (!m.find(position) || m.start() != position) {
                return Optional.of("not allowed in a condition: '" + expression.substring(position).strip() + "'");
            }
            String word = m.group(3);
            String symbol = m.group(4);
            if (word != null && !properties.contains(word) && !WORDS.contains(word)) {
                return Optional.of("unknown property '" + word + "' in condition '" + expression + "'");
            }
            if ("(".equals(symbol) && !"in".equals(previous)) {
                return Optional.of("calls and grouping are not allowed in condition '" + expression + "'");
            }
            previous = word != null ? word : symbol != null ? symbol : "literal";
            position = m.end();
        }
        return Optional.empty();
    }
}
