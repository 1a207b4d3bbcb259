package nl.doelbinding.server.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import nl.doelbinding.engine.ruleset.RuleInfo;
import nl.doelbinding.engine.verify.Counterexample;
import nl.doelbinding.engine.verify.InvariantResult;
import nl.doelbinding.engine.verify.VerificationReport;

/** Prints a verification the way a legal author reads it: per invariant, then rules, time and totals. */
final class VerificationPrinter {
    private VerificationPrinter() {
    }

    /** Prints the report; {@code cpuNanos} is the CPU time the verification took, or negative if unknown. */
    static void print(VerificationReport report, long cpuNanos, PrintWriter out) {
        out.println("space: " + report.space());
        String file = null;
        for (InvariantResult result : report.results()) {
            if (!result.invariant().file().equals(file)) {
                file = result.invariant().file();
                out.println(file);
            }
            String description = result.invariant().description().isEmpty() ? ""
                    : ": " + result.invariant().description();
            if (result instanceof InvariantResult.Violated violated) {
                printViolation(violated, description, out);
            } else {
                out.println("  " + result.invariant().id() + " PROVEN (" + result.requests() + " requests)"
                        + description);
            }
        }
        rules("dead rules (fire on no request of the space)", report.deadRules(), out);
        rules("shadowed rules (fire, but another rule always decides)", report.shadowedRules(), out);
        for (String problem : report.problems()) {
            out.println("NOT A PROOF: " + problem);
        }
        String cpu = cpuNanos < 0 ? "" : String.format(Locale.ROOT, ", %.2f s CPU on %d processors", cpuNanos / 1e9,
                Runtime.getRuntime().availableProcessors());
        out.println(String.format(Locale.ROOT, "verified in %.2f s (%d one-field requests, %d decisions in all%s)",
                report.duration().toNanos() / 1e9, report.oneFieldRequests(), report.evaluations(), cpu));
        out.println(report.summary());
    }

    private static void printViolation(InvariantResult.Violated violated, String description, PrintWriter out) {
        Counterexample c = violated.counterexample();
        out.println("  " + violated.invariant().id() + " VIOLATED" + description);
        out.println("    wanted " + c.wanted() + "; the ruleset decides " + c.got());
        out.println("    counterexample, as a scenario case (its expect is what the ruleset decides now):");
        out.print(c.scenarioYaml());
    }

    private static void rules(String title, List<RuleInfo> rules, PrintWriter out) {
        if (rules.isEmpty()) {
            out.println(title + ": none");
            return;
        }
        out.println(title + ": " + rules.size());
        for (RuleInfo rule : rules) {
            out.println("  " + rule.id() + " (" + rule.file() + ":" + rule.line() + ") " + rule.title());
        }
    }
}
