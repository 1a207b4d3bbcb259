package nl.doelbinding.server.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.doelbinding.engine.drools.DroolsRulesetCompiler;
import nl.doelbinding.engine.ruleset.CompilationResult;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.RuleInfo;
import nl.doelbinding.engine.scenario.Coverage;
import nl.doelbinding.engine.scenario.ScenarioReport;
import nl.doelbinding.engine.scenario.ScenarioRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code doelbinding rules check [DIR]}: compiles and validates a ruleset, runs its own scenarios and
 * reports coverage. These are the checks a draft must pass before it can be approved.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compiles a ruleset, validates its safety, runs its scenarios and reports coverage",
                "(rules without a scenario; purpose x category cells without a scenario).",
                "Exit status 0 only when all of that holds."})
final class RulesCheckCommand implements Callable<Integer> {
    @CommandLine.Parameters(paramLabel = "DIR", arity = "0..1",
            description = "The ruleset folder (default: the baseline ruleset).")
    Path folder;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RulesetOption location = new RulesetOption();
        location.folder = folder;
        CompilationResult result = new DroolsRulesetCompiler().compile(location.source());
        location.report(result.warnings(), out);
        if (!result.ok()) {
            location.report(result.errors(), out);
            out.println("check failed: " + result.errors().size() + " error(s) in " + location.describe());
            out.flush();
            return 1;
        }
        CompiledRuleset ruleset = result.ruleset().orElseThrow();
        out.println("compiled " + location.describe() + ": " + ruleset.rules().size() + " rules, sha256 "
                + ruleset.sha256());
        ScenarioReport scenarios = new ScenarioRunner(ruleset).runOwnScenarios();
        ScenarioPrinter.failures(scenarios, out);
        out.println("scenarios: " + scenarios.summary());
        Coverage coverage = Coverage.of(ruleset, scenarios);
        for (RuleInfo rule : coverage.uncoveredRules()) {
            out.println("UNCOVERED rule " + rule.id() + " (" + rule.file() + ":" + rule.line() + ") fires in no scenario");
        }
        for (String cell : coverage.uncoveredCells()) {
            out.println("UNCOVERED cell " + cell + ": no scenario states the outcome of such a field");
        }
        out.println("rule coverage: " + (coverage.rules() - coverage.uncoveredRules().size()) + "/" + coverage.rules()
                + " rules; purpose x category coverage: " + (coverage.cells() - coverage.uncoveredCells().size())
                + "/" + coverage.cells() + " cells");
        boolean passed = scenarios.failed() == 0 && coverage.complete() && scenarios.passed() > 0;
        out.println(passed ? "check passed" : "check failed");
        out.flush();
        return passed ? 0 : 1;
    }
}
