package nl.doelbinding.engine.drools;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.model.FieldCategory;
import nl.doelbinding.engine.ruleset.RulesetProblem;

/**
 * A rule that names a purpose, instrument, field or category the catalogue does not know would never
 * fire, silently. This check turns such a typo into an error at the author's line.
 */
final class CodeReferenceCheck {
    private static final Pattern SINGLE = Pattern.compile(
            "\\b(purpose|instrument|name|category)\\s*(?:==|!=)\\s*\"([^\"]*)\"");
    private static final Pattern LIST = Pattern.compile(
            "\\b(purpose|instrument|name|category)\\s+(?:not\\s+)?in\\s*\\(([^)]*)\\)");

    private final Set<String> purposes;
    private final Set<String> instruments;
    private final Set<String> fields;
    private final Set<String> categories;

    CodeReferenceCheck(Catalogue catalogue) {
        purposes = catalogue.purposes().stream().map(p -> p.code().value()).collect(Collectors.toSet());
        instruments = catalogue.instruments().stream().map(i -> i.code().value()).collect(Collectors.toSet());
        fields = catalogue.fields().stream().map(f -> f.name().value()).collect(Collectors.toSet());
        categories = Arrays.stream(FieldCategory.values()).map(Enum::name).collect(Collectors.toSet());
    }

    void check(ExpandedFile file, String authored, Consumer<RulesetProblem> problems) {
        String[] expandedLines = file.drl().split("\n", -1);
        String[] authoredLines = authored.split("\n", -1);
        for (int i = 0; i < expandedLines.length; i++) {
            int line = file.authorLine(i + 1);
            Matcher single = SINGLE.matcher(expandedLines[i]);
            while (single.find()) {
                verify(single.group(1), single.group(2), file.path(), line, authoredLines, problems);
            }
            Matcher list = LIST.matcher(expandedLines[i]);
            while (list.find()) {
                for (String quoted : list.group(2).split(",")) {
                    String code = quoted.strip().replace("\"", "");
                    verify(list.group(1), code, file.path(), line, authoredLines, problems);
                }
            }
        }
    }

    private void verify(String property, String code, String path, int line, String[] authored,
                        Consumer<RulesetProblem> problems) {
        Set<String> known = switch (property) {
            case "purpose" -> purposes;
            case "instrument" -> instruments;
            case "name" -> fields;
            default -> categories;
        };
        if (!known.contains(code)) {
            String what = property.equals("name") ? "field" : property;
            problems.accept(new RulesetProblem(path, lineNaming(code, line, authored),
                    "unknown " + what + " '" + code + "': it is not in the catalogue"));
        }
    }

    /** The author's line that names the code: the pattern's line or one of its constraint lines below it. */
    private static int lineNaming(String code, int from, String[] authored) {
        for (int i = Math.max(from - 1, 0); i < Math.min(authored.length, from + 30); i++) {
            if (authored[i].contains(code)) {
                return i + 1;
            }
        }
        return from;
    }
}
