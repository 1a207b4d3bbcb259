package nl.doelbinding.engine.drools;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.parser.lang.ExpanderException;
import org.drools.drl.parser.lang.dsl.DSLMapping;
import org.drools.drl.parser.lang.dsl.DSLTokenizedMappingFile;
import org.drools.drl.parser.lang.dsl.DefaultExpander;
import nl.doelbinding.engine.ruleset.RulesetProblem;

/**
 * The ruleset's legal vocabulary ({@code vocabulary/*.dsl}): expands authored sentences into DRL.
 * Besides Drools' own DSL expansion it offers one macro, {@code @codes(A, B)}, which turns a list of
 * catalogue codes written by the author into quoted strings.
 */
final class Vocabulary {
    private static final Pattern CODES_MACRO = Pattern.compile("@codes\\(([^)]*)\\)");
    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final List<DSLMapping> mappings;

    private Vocabulary(List<DSLMapping> mappings) {
        this.mappings = mappings;
    }

    static Optional<Vocabulary> load(SortedMap<String, String> dslFiles, Consumer<RulesetProblem> problems) {
        if (dslFiles.isEmpty()) {
            problems.accept(new RulesetProblem("vocabulary", 0, "the ruleset has no vocabulary/*.dsl file"));
            return Optional.empty();
        }
        List<DSLMapping> mappings = new ArrayList<>();
        boolean failed = false;
        for (Map.Entry<String, String> file : dslFiles.entrySet()) {
            DSLTokenizedMappingFile dsl = new DSLTokenizedMappingFile();
            try {
                if (!dsl.parseAndLoad(new StringReader(file.getValue()))) {
                    dsl.getErrors().forEach(e -> problems.accept(new RulesetProblem(file.getKey(),
                            e.getLines().length > 0 ? e.getLines()[0] : 0, e.getMessage())));
                    failed = true;
                    continue;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            mappings.add(dsl.getMapping());
        }
        return failed ? Optional.empty() : Optional.of(new Vocabulary(mappings));
    }

    /** Expands one DSLR file; reports every line the vocabulary cannot expand. */
    ExpandedFile expand(String path, String text, Consumer<RulesetProblem> problems) {
        DefaultExpander expander = new DefaultExpander();
        mappings.forEach(expander::addDSLMapping);
        String expanded = expander.expand(text);
        for (ExpanderException error : expander.getErrors()) {
            problems.accept(new RulesetProblem(path, error.getLine(), withoutLinePrefix(error.getMessage())));
        }
        String drl = expandCodes(path, expanded, problems);
        return new ExpandedFile(path, drl, lineMap(text, drl));
    }

    private static String withoutLinePrefix(String message) {
        return message.replaceFirst("^\\[\\d+\\]\\s*", "").strip();
    }

    private static String expandCodes(String path, String drl, Consumer<RulesetProblem> problems) {
        Matcher m = CODES_MACRO.matcher(drl);
        StringBuilder out = new StringBuilder(drl.length() + 64);
        while (m.find()) {
            List<String> quoted = new ArrayList<>();
            for (String code : m.group(1).split(",")) {
                String c = code.strip();
                if (!CODE.matcher(c).matches()) {
                    problems.accept(new RulesetProblem(path, 0, "not a catalogue code: '" + c + "'"));
                }
                quoted.add("\"" + c + "\"");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.join(", ", quoted)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Drools' expander folds each "- ..." constraint line of a condition into the pattern above it, and
     * keeps every other line. Replaying that tells which author line each expanded line came from.
     */
    static int[] lineMap(String authored, String expanded) {
        String[] lines = authored.split("\n", -1);
        int[] kept = new int[lines.length];
        int count = 0;
        boolean inWhen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("when")) {
                inWhen = true;
            } else if (line.equals("then") || line.equals("end")) {
                inWhen = false;
            }
            if (!(inWhen && line.startsWith("-"))) {
                kept[count++] = i + 1;
            }
        }
        int expandedLines = expanded.split("\n", -1).length;
        int[] map = new int[expandedLines];
        for (int i = 0; i < expandedLines; i++) {
            map[i] = count == expandedLines ? kept[i] : Math.min(i + 1, lines.length);
        }
        return map;
    }
}
