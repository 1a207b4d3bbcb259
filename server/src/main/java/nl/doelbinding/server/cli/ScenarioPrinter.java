package nl.doelbinding.server.cli;

import java.io.PrintWriter;
import nl.doelbinding.engine.scenario.CaseResult;
import nl.doelbinding.engine.scenario.ScenarioError;
import nl.doelbinding.engine.scenario.ScenarioReport;

/** Prints a scenario run the way legal authors read it: one line per failing case, then the totals. */
final class ScenarioPrinter {
    private ScenarioPrinter() {
    }

    static void failures(ScenarioReport report, PrintWriter out) {
        for (ScenarioError error : report.errors()) {
            out.println("ERROR " + error);
        }
        for (CaseResult result : report.results()) {
            if (!result.passed()) {
                out.println("FAIL " + result.scenario().file() + ": case \"" + result.scenario().name() + "\": "
                        + String.join("; ", result.differences()));
            }
        }
    }
}
