package nl.doelbinding.engine.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import nl.doelbinding.engine.DecisionEngine;
import nl.doelbinding.engine.decision.RulesetDecisionEngine;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.FieldDecision;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.RuleHit;
import nl.doelbinding.engine.model.RuleId;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.ruleset.CompiledRuleset;

/** Runs scenario cases against a compiled ruleset with the same engine the server uses. */
public final class ScenarioRunner {
    private final CompiledRuleset ruleset;
    private final DecisionEngine engine;

    public ScenarioRunner(CompiledRuleset ruleset) {
        this.ruleset = ruleset;
        this.engine = new RulesetDecisionEngine(ruleset, new RulesetRef(OptionalInt.empty(), ruleset.sha256()));
    }

    /** Loads and runs the scenario files given by path and text. */
    public ScenarioReport run(SortedMap<String, String> files) {
        ScenarioLoader loader = new ScenarioLoader(ruleset.catalogue());
        List<ScenarioError> errors = new ArrayList<>();
        List<CaseResult> results = new ArrayList<>();
        files.forEach((file, text) -> loader.load(file, text, errors::add).forEach(c -> results.add(run(c))));
        return new ScenarioReport(results, errors);
    }

    /** Runs the scenarios that ship inside the ruleset folder ({@code scenarios/**}). */
    public ScenarioReport runOwnScenarios() {
        SortedMap<String, String> files = ruleset.source().filesUnder("scenarios", ".yaml");
        files.putAll(ruleset.source().filesUnder("scenarios", ".yml"));
        return run(files);
    }

    public CaseResult run(ScenarioCase scenario) {
        Decision decision = engine.decide(scenario.request());
        return new CaseResult(scenario, decision, differences(scenario.expectation(), decision));
    }

    static List<String> differences(Expectation expected, Decision actual) {
        List<String> differences = new ArrayList<>();
        expected.decision().filter(d -> d != actual.overall()).ifPresent(d ->
                differences.add("decision: expected " + d + ", got " + actual.overall()));
        for (Map.Entry<FieldName, FieldOutcome> e : expected.fields().entrySet()) {
            Optional<FieldDecision> field = actual.field(e.getKey());
            if (field.isEmpty()) {
                differences.add(e.getKey() + ": expected " + e.getValue() + ", but the field was not requested");
            } else if (field.get().outcome() != e.getValue()) {
                differences.add(e.getKey() + ": expected " + e.getValue() + ", got " + describe(field.get()));
            }
        }
        for (Map.Entry<FieldName, RuleId> e : expected.rules().entrySet()) {
            actual.field(e.getKey()).filter(f -> !f.decidedBy().rule().equals(e.getValue())).ifPresent(f ->
                    differences.add(e.getKey() + ": expected rule " + e.getValue() + ", got " + describe(f)));
        }
        for (Map.Entry<FieldName, String> e : expected.citations().entrySet()) {
            actual.field(e.getKey()).filter(f -> !f.decidedBy().citation().contains(e.getValue())).ifPresent(f ->
                    differences.add(e.getKey() + ": expected a citation containing \"" + e.getValue() + "\", got "
                            + describe(f)));
        }
        expected.requestRules().ifPresent(rules -> {
            List<RuleId> fired = actual.requestRules().stream().map(RuleHit::rule).toList();
            if (!new HashSet<>(rules).equals(new HashSet<>(fired))) {
                differences.add("request rules: expected " + rules + ", got " + fired);
            }
        });
        return differences;
    }

    private static String describe(FieldDecision field) {
        return field.outcome() + " by " + field.decidedBy().rule() + " (" + field.decidedBy().citation() + ")";
    }
}
