package nl.doelbinding.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.RuleHit;
import nl.doelbinding.engine.model.RuleId;

/**
 * The citation and explanation of every rule of a ruleset, read once from its {@code rules/*.dslr}, so
 * that the hand-written floor cites exactly what the rules cite without copying the legal text.
 */
final class RuleTexts {
    private static final Pattern RULE = Pattern.compile(
            "^rule\\s+\"([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)[^\"]*\".*?^\\s*citing\\s+\"([^\"]*)\"\\s*^\\s*because\\s+\"([^\"]*)\"",
            Pattern.MULTILINE | Pattern.DOTALL);

    private final Map<String, String[]> texts = new HashMap<>();

    RuleTexts(Map<String, String> rulesetFiles) {
        rulesetFiles.forEach((path, text) -> {
            if (path.startsWith("rules/") && path.endsWith(".dslr")) {
                Matcher m = RULE.matcher(text);
                while (m.find()) {
                    texts.put(m.group(1), new String[] {m.group(2), m.group(3)});
                }
            }
        });
    }

    /** The hit the rule {@code id} records when it decides {@code outcome}. */
    RuleHit hit(String id, FieldOutcome outcome) {
        String[] t = texts.get(id);
        if (t == null) {
            throw new IllegalArgumentException("the ruleset has no rule " + id);
        }
        return new RuleHit(new RuleId(id), outcome, t[0], t[1]);
    }
}
