package nl.doelbinding.server.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.scenario.ScenarioReport;
import nl.doelbinding.engine.scenario.ScenarioRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code doelbinding rules test [--ruleset DIR] PATH...}: runs scenario files against a ruleset. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs scenario files against a ruleset: one line per failing case, then 'N passed, N failed'.",
                "Exit status 0 only when no case failed."})
final class RulesTestCommand implements Callable<Integer> {
    @CommandLine.Mixin
    RulesetOption ruleset = new RulesetOption();

    @CommandLine.Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Scenario files, or folders searched for *.yaml files.")
    List<Path> paths;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SortedMap<String, String> files;
        try {
            files = ScenarioFiles.read(paths);
        } catch (UncheckedIOException e) {
            err.println("cannot read scenarios: " + e.getCause().getMessage());
            return 2;
        }
        CompiledRuleset compiled = ruleset.compileOrReport(err);
        if (compiled == null) {
            err.println("the ruleset " + ruleset.describe() + " does not compile");
            return 2;
        }
        ScenarioReport report = new ScenarioRunner(compiled).run(files);
        ScenarioPrinter.failures(report, out);
        out.println(report.summary());
        out.flush();
        return report.failed() == 0 ? 0 : 1;
    }
}
