package nl.doelbinding.engine.drools;

import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import nl.doelbinding.engine.ruleset.RulesetProblem;

/**
 * Refuses, line by line, what an authored rule file must never hold: raw DRL lines, imports, globals,
 * functions, queries, type declarations, rule attributes and {@code eval}. These checks run before
 * expansion so that the author gets the exact line.
 */
final class AuthoredTextCheck {
    private static final Set<String> FORBIDDEN_FIRST_WORDS = Set.of("import", "global", "function", "query",
            "declare", "package", "expander", "dialect", "salience", "no-loop", "agenda-group",
            "activation-group", "ruleflow-group", "lock-on-active", "enabled", "date-effective", "date-expires",
            "duration", "timer", "calendars", "auto-focus", "unit", "extends", "accumulate", "from", "entry-point");
    private static final Pattern EVAL = Pattern.compile("\\beval\\s*\\(");

    private AuthoredTextCheck() {
    }

    static void check(String path, String text, Consumer<RulesetProblem> problems) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.startsWith(">")) {
                problems.accept(new RulesetProblem(path, number,
                        "raw DRL lines ('>') are not allowed: write the rule in the vocabulary's sentences"));
                continue;
            }
            if (line.startsWith("//") || line.startsWith("#")) {
                continue;
            }
            String first = line.split("[\\s(]", 2)[0].toLowerCase(Locale.ROOT);
            if (FORBIDDEN_FIRST_WORDS.contains(first)) {
                problems.accept(new RulesetProblem(path, number,
                        "'" + first + "' is not allowed in authored rules: only the vocabulary's sentences are"));
            } else if (EVAL.matcher(line).find()) {
                problems.accept(new RulesetProblem(path, number,
                        "'eval' is not allowed in authored rules: only the vocabulary's sentences are"));
            }
        }
    }
}
