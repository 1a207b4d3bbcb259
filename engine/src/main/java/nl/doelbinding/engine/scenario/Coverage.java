package nl.doelbinding.engine.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import nl.doelbinding.engine.catalogue.FieldDefinition;
import nl.doelbinding.engine.catalogue.PurposeDefinition;
import nl.doelbinding.engine.model.FieldCategory;
import nl.doelbinding.engine.model.FieldDecision;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.RuleHit;
import nl.doelbinding.engine.model.RuleId;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.RuleInfo;

/**
 * What a scenario run covers: every rule should fire in some case, and every purpose x field-category
 * cell of the catalogue should be decided by a field rule in a case that states the expected outcome of
 * such a field.
 *
 * @param uncoveredRules rules that fired in no case
 * @param uncoveredCells cells, as {@code PURPOSE x CATEGORY}, that no case asserts
 * @param rules          how many rules the ruleset has
 * @param cells          how many cells the catalogue has
 */
public record Coverage(List<RuleInfo> uncoveredRules, List<String> uncoveredCells, int rules, int cells) {
    public Coverage {
        uncoveredRules = List.copyOf(uncoveredRules);
        uncoveredCells = List.copyOf(uncoveredCells);
    }

    public boolean complete() {
        return uncoveredRules.isEmpty() && uncoveredCells.isEmpty();
    }

    public static Coverage of(CompiledRuleset ruleset, ScenarioReport report) {
        Set<RuleId> fired = new LinkedHashSet<>();
        Set<RuleId> fieldRules = new java.util.HashSet<>();
        ruleset.rules().stream().filter(r -> r.stage() == nl.doelbinding.engine.ruleset.RuleStage.FIELD)
                .forEach(r -> fieldRules.add(r.id()));
        Set<String> covered = new TreeSet<>();
        for (CaseResult result : report.results()) {
            result.decision().requestRules().forEach(h -> fired.add(h.rule()));
            for (FieldDecision field : result.decision().fields()) {
                field.fired().stream().map(RuleHit::rule).forEach(fired::add);
            }
            result.scenario().request().purpose().ifPresent(purpose -> {
                for (FieldName name : result.scenario().expectation().fields().keySet()) {
                    // A cell counts only when a field rule decided it: a request-level refusal says nothing
                    // about what the ruleset does with such a field for this purpose.
                    boolean byFieldRule = result.decision().field(name).map(f -> fieldRules.contains(f.decidedBy().rule()))
                            .orElse(false);
                    if (byFieldRule) {
                        ruleset.catalogue().field(name).ifPresent(def -> covered.add(cell(purpose.value(),
                                def.category())));
                    }
                }
            });
        }
        List<RuleInfo> uncoveredRules = ruleset.rules().stream().filter(r -> !fired.contains(r.id())).toList();
        List<String> uncoveredCells = new ArrayList<>();
        Set<FieldCategory> categories = new LinkedHashSet<>();
        ruleset.catalogue().fields().stream().map(FieldDefinition::category).forEach(categories::add);
        int cells = 0;
        for (PurposeDefinition purpose : ruleset.catalogue().purposes()) {
            for (FieldCategory category : categories) {
                cells++;
                String cell = cell(purpose.code().value(), category);
                if (!covered.contains(cell)) {
                    uncoveredCells.add(cell);
                }
            }
        }
        return new Coverage(uncoveredRules, uncoveredCells, ruleset.rules().size(), cells);
    }

    private static String cell(String purpose, FieldCategory category) {
        return purpose + " x " + category;
    }
}
