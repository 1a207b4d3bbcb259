package nl.doelbinding.server.cli;

import java.nio.file.Path;
import java.util.List;
import nl.doelbinding.engine.drools.DroolsRulesetCompiler;
import nl.doelbinding.engine.ruleset.CompilationResult;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.RulesetProblem;
import nl.doelbinding.engine.ruleset.RulesetSource;
import picocli.CommandLine;

/** The {@code --ruleset DIR} option shared by commands that decide: default, the baseline. */
final class RulesetOption {
    @CommandLine.Option(names = "--ruleset", paramLabel = "DIR",
            description = "The ruleset folder (default: the baseline ruleset).")
    Path folder;

    RulesetSource source() {
        return folder == null ? RulesetLocation.baseline() : RulesetSource.fromDirectory(folder);
    }

    String describe() {
        return folder == null ? RulesetLocation.baselineDescription() : folder.toString();
    }

    /** Compiles the ruleset, or prints its errors as {@code folder/file:line: message}. */
    CompiledRuleset compileOrReport(java.io.PrintWriter err) {
        CompilationResult result = new DroolsRulesetCompiler().compile(source());
        if (!result.ok()) {
            report(result.errors(), err);
            return null;
        }
        return result.ruleset().orElseThrow();
    }

    void report(List<RulesetProblem> problems, java.io.PrintWriter out) {
        String prefix = folder == null ? "" : folder.toString().replaceAll("/+$", "") + "/";
        problems.forEach(p -> out.println(prefix + p));
    }
}
