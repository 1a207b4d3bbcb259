package nl.doelbinding.server.rulesets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.doelbinding.engine.drools.DroolsRulesetCompiler;
import nl.doelbinding.engine.ruleset.CompilationResult;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.RuleInfo;
import nl.doelbinding.engine.ruleset.RulesetProblem;
import nl.doelbinding.engine.ruleset.RulesetSource;
import nl.doelbinding.engine.scenario.CaseResult;
import nl.doelbinding.engine.scenario.Coverage;
import nl.doelbinding.engine.scenario.ScenarioError;
import nl.doelbinding.engine.scenario.ScenarioReport;
import nl.doelbinding.engine.scenario.ScenarioRunner;
import nl.doelbinding.engine.verify.InvariantError;
import nl.doelbinding.engine.verify.InvariantReader;
import nl.doelbinding.engine.verify.InvariantResult;
import nl.doelbinding.engine.verify.InvariantSet;
import nl.doelbinding.engine.verify.InvariantVerifier;
import nl.doelbinding.engine.verify.VerificationReport;

/**
 * The checks a draft must pass before it can be approved (rules.md, "Checks a ruleset must pass"): it compiles
 * and passes the safety checks (every DSLR line expands), every scenario passes, every rule and every purpose x
 * category cell is covered, and every invariant of its own and of the active version holds over the whole
 * decision space (issue 6, point 5). Each failure becomes a reason naming where it is.
 */
public final class RulesetChecks {
    /** The active version whose invariants the draft was also checked against. */
    public record Active(int version, RulesetSource source) {
    }

    /** Runs every check on {@code draft}; {@code active} is the version active now, if any. */
    public CheckReport run(RulesetSource draft, Optional<Active> active) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        CheckReport.Builder report = new CheckReport.Builder(json);
        CompilationResult compiled = new DroolsRulesetCompiler().compile(draft);
        ObjectNode compile = json.putObject("compile").put("ok", compiled.ok());
        problems(compile.putArray("errors"), compiled.errors());
        problems(compile.putArray("warnings"), compiled.warnings());
        compiled.errors().forEach(p -> report.fail("compile", p.file() + ":" + p.line(), p.message()));
        active.ifPresent(a -> json.put("invariantsOfActiveVersion", a.version()));
        if (compiled.ruleset().isEmpty()) {
            return report.build();
        }
        CompiledRuleset ruleset = compiled.ruleset().get();
        json.put("rules", ruleset.rules().size());
        scenarios(ruleset, json, report);
        invariants(ruleset, active, json, report);
        return report.build();
    }

    private static void scenarios(CompiledRuleset ruleset, ObjectNode json, CheckReport.Builder report) {
        ScenarioReport scenarios = new ScenarioRunner(ruleset).runOwnScenarios();
        ObjectNode node = json.putObject("scenarios").put("passed", scenarios.passed())
                .put("failed", scenarios.failed());
        ArrayNode failures = node.putArray("failures");
        for (CaseResult r : scenarios.results()) {
            if (!r.passed()) {
                failures.addObject().put("file", r.scenario().file()).put("case", r.scenario().name())
                        .put("differences", String.join("; ", r.differences()));
                report.fail("scenario", r.scenario().file() + " case '" + r.scenario().name() + "'",
                        String.join("; ", r.differences()));
            }
        }
        for (ScenarioError e : scenarios.errors()) {
            failures.addObject().put("file", e.file()).put("case", e.caseName()).put("differences", e.message());
            report.fail("scenario", e.file() + " case '" + e.caseName() + "'", e.message());
        }
        if (scenarios.passed() == 0 && scenarios.failed() == 0) {
            report.fail("scenario", "scenarios/", "the ruleset has no scenarios");
        }
        Coverage coverage = Coverage.of(ruleset, scenarios);
        ObjectNode cov = json.putObject("coverage").put("rules", coverage.rules()).put("cells", coverage.cells());
        ArrayNode rules = cov.putArray("uncoveredRules");
        for (RuleInfo rule : coverage.uncoveredRules()) {
            rules.add(rule.id().value());
            report.fail("coverage", rule.file() + ":" + rule.line(), "rule " + rule.id().value()
                    + " fires in no scenario");
        }
        ArrayNode cells = cov.putArray("uncoveredCells");
        for (String cell : coverage.uncoveredCells()) {
            cells.add(cell);
            report.fail("coverage", cell, "no scenario states the outcome of such a field");
        }
    }

    private static void invariants(CompiledRuleset ruleset, Optional<Active> active, ObjectNode json,
                                   CheckReport.Builder report) {
        InvariantReader reader = new InvariantReader(ruleset.catalogue());
        ArrayNode results = json.putArray("invariants");
        verify(ruleset, reader.readOwn(ruleset.source()), "", results, report);
        if (active.isPresent()) {
            SortedMap<String, String> theirs = invariantFiles(active.get().source());
            if (!theirs.equals(invariantFiles(ruleset.source()))) {
                SortedMap<String, String> named = new TreeMap<>();
                theirs.forEach((file, text) -> named.put("v" + active.get().version() + ":" + file, text));
                verify(ruleset, reader.read(named), "of active version " + active.get().version() + " ", results,
                        report);
            }
        }
    }

    private static void verify(CompiledRuleset ruleset, InvariantSet set, String whose, ArrayNode results,
                               CheckReport.Builder report) {
        for (InvariantError e : set.errors()) {
            report.fail("invariant", e.file() + (e.invariant().isEmpty() ? "" : " " + e.invariant()),
                    "invariant " + whose + "cannot be read: " + e.message());
        }
        if (!set.ok() || set.invariants().isEmpty()) {
            return;
        }
        VerificationReport verified = new InvariantVerifier().verify(ruleset, set.invariants());
        for (InvariantResult r : verified.results()) {
            ObjectNode node = results.addObject().put("id", r.invariant().id()).put("file", r.invariant().file())
                    .put("holds", r.holds()).put("requests", r.requests().toString());
            if (r instanceof InvariantResult.Violated v) {
                node.put("wanted", v.counterexample().wanted()).put("got", v.counterexample().got())
                        .put("counterexample", v.counterexample().scenarioYaml());
                report.fail("invariant", r.invariant().file() + " " + r.invariant().id(), "invariant " + whose
                        + "violated: wanted " + v.counterexample().wanted() + ", got " + v.counterexample().got()
                        + "; counterexample:\n" + v.counterexample().scenarioYaml());
            }
        }
        for (String problem : verified.problems()) {
            report.fail("invariant", "decision space", problem);
        }
    }

    private static SortedMap<String, String> invariantFiles(RulesetSource source) {
        SortedMap<String, String> files = new TreeMap<>(source.filesUnder("invariants", ".yaml"));
        files.putAll(source.filesUnder("invariants", ".yml"));
        return files;
    }

    private static void problems(ArrayNode into, List<RulesetProblem> problems) {
        problems.forEach(p -> into.addObject().put("file", p.file()).put("line", p.line())
                .put("message", p.message()));
    }
}
