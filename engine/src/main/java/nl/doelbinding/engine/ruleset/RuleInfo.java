package nl.doelbinding.engine.ruleset;

import java.util.Objects;
import nl.doelbinding.engine.model.RuleId;

/**
 * What the ruleset says about one of its rules.
 *
 * @param id    the stable rule id
 * @param title the rest of the rule's name
 * @param file  the file it is written in
 * @param line  the line of its {@code rule} header
 * @param stage request-level or field rule
 * @param order its position in the ruleset (files in path order, rules in file order); breaks ties
 */
public record RuleInfo(RuleId id, String title, String file, int line, RuleStage stage, int order) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(stage, "stage");
    }
}
