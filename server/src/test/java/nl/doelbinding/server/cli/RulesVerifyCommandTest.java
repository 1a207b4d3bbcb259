package nl.doelbinding.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesVerifyCommandTest {
    @TempDir
    Path tmp;

    private Path baselineCopy() throws IOException {
        Path dir = tmp.resolve("ruleset");
        for (Map.Entry<String, String> file : RulesetLocation.baseline().files().entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        return dir;
    }

    private Path file(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void provesEveryBaselineInvariantAndFindsNoDeadOrShadowedRule() {
        CliRun run = CliRun.of("rules", "verify");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("  INV-CONSENT-01 PROVEN \\(\\d+ requests\\): ")
                .containsPattern("  INV-SPECIAL-01 PROVEN \\(\\d+ requests\\): ")
                .contains("dead rules (fire on no request of the space): none")
                .contains("shadowed rules (fire, but another rule always decides): none")
                .containsPattern("verified in \\d+\\.\\d\\d s \\(215040 one-field requests")
                .doesNotContain("VIOLATED").doesNotContain("NOT A PROOF");
        assertThat(run.lastLine()).matches("(1[2-9]|[2-9]\\d) passed, 0 failed");
    }

    @Test
    void anExtraInvariantThatFailsIsShownWithARunnableCounterexample() throws IOException {
        Path extra = file("extra.yaml", """
                invariants:
                  - id: INV-EXTRA-01
                    description: "A photograph never leaves without review"
                    citation: "AVG art. 9(1)"
                    when: { fields: [photo] }
                    fieldOutcomeIn: [REJECT, ESCALATE]
                """);

        CliRun run = CliRun.of("rules", "verify", "--invariants", extra.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(extra.toString())
                .contains("  INV-EXTRA-01 VIOLATED: A photograph never leaves without review")
                .contains("    wanted the outcome of photo in [ESCALATE, REJECT]; the ruleset decides DISCLOSE by THREAT-06")
                .contains("      purpose: THREAT_TO_LIFE\n")
                .contains("      legalBasis: { instrument: VITAL_INTEREST, oral: false }\n")
                .contains("      fields: [ photo ]\n");
        assertThat(run.lastLine()).matches("\\d+ passed, 1 failed");
        // the counterexample, saved as printed, is a scenario that passes (it states what the ruleset does)
        Path scenario = file("counterexample.yaml", yamlIn(run.out()));
        CliRun test = CliRun.of("rules", "test", scenario.toString());
        assertThat(test.lastLine()).isEqualTo("1 passed, 0 failed");
    }

    @Test
    void deletingTheConsentRuleBreaksTheConsentInvariantWithAConsentRequest() throws IOException {
        Path dir = baselineCopy();
        Path rules = dir.resolve("rules/request.dslr");
        Files.writeString(rules, Files.readString(rules).replaceFirst("(?s)rule \"REQ-CONSENT-01.*?\\nend\\n", ""));

        CliRun run = CliRun.of("rules", "verify", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("  INV-CONSENT-01 VIOLATED: ")
                .contains("    wanted the decision in [REJECTED]; the ruleset decides ")
                .contains("legalBasis: { instrument: CONSENT");
        assertThat(run.lastLine()).matches("\\d+ passed, [1-9]\\d* failed");
    }

    @Test
    void anUnknownCodeInAnInvariantFileIsAnErrorNamingFileInvariantAndCode() throws IOException {
        Path extra = file("bad.yaml", """
                invariants:
                  - id: INV-BAD-01
                    when: { purposes: [POLICING] }
                    decisionIn: [REJECTED]
                """);

        CliRun run = CliRun.of("rules", "verify", "--invariants", extra.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ERROR " + extra + ": invariant INV-BAD-01: unknown purpose 'POLICING' in"
                + " when.purposes");
    }

    /** The scenario YAML printed after a violation: from 'cases:' to the next line that is not indented. */
    private static String yamlIn(String out) {
        List<String> yaml = new ArrayList<>();
        boolean in = false;
        for (String line : out.split("\n")) {
            if (line.equals("cases:")) {
                in = true;
            } else if (in && !line.startsWith(" ")) {
                break;
            }
            if (in) {
                yaml.add(line);
            }
        }
        return String.join("\n", yaml) + "\n";
    }
}
