package nl.doelbinding.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.doelbinding.engine.ruleset.RulesetSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
    @TempDir
    Path tmp;

    /** A copy of the baseline ruleset in a temporary folder, to be broken by a test. */
    private Path baselineCopy() throws IOException {
        Path dir = tmp.resolve("ruleset");
        for (Map.Entry<String, String> file : RulesetLocation.baseline().files().entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        return dir;
    }

    private Path scenario(String yaml) throws IOException {
        Path file = tmp.resolve("case.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static final String TRACE_REQUEST = """
                request:
                  purpose: TRACE_MISSING_RESIDENT
                  legalBasis: { instrument: SV_126ND, reference: "OvJ-1" }
                  caseReference: "ZAAK-1"
                  subjects: [ { vNumber: "1000000001" } ]
            """;

    @Test
    void testRunsTheBaselineScenariosAndEndsWithTheCount() throws IOException {
        Path scenarios = baselineCopy().resolve("scenarios");

        CliRun run = CliRun.of("rules", "test", scenarios.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.lastLine()).matches("\\d{3} passed, 0 failed");
    }

    @Test
    void aFailingCaseIsOneLineWithExpectedAndActualAndTheExitStatusSaysSo() throws IOException {
        Path file = scenario("cases:\n  - name: \"health wrongly expected\"\n" + TRACE_REQUEST + """
                      fields: [ name, health ]
                    expect:
                      decision: RELEASED
                      fields: { name: DISCLOSE, health: DISCLOSE }
                """);

        CliRun run = CliRun.of("rules", "test", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL " + file + ": case \"health wrongly expected\": "
                + "decision: expected RELEASED, got PARTIALLY_RELEASED; "
                + "health: expected DISCLOSE, got REJECT by SPECIAL-01 (AVG art. 9(1); Sv art. 126nd(2))");
        assertThat(run.lastLine()).isEqualTo("0 passed, 1 failed");
    }

    @Test
    void anUnknownCodeInAScenarioNamesFileCaseAndCode() throws IOException {
        Path file = scenario("cases:\n  - name: \"typo\"\n" + TRACE_REQUEST + """
                      fields: [ name, shoe_size ]
                    expect:
                      fields: { name: DISCLOSED }
                """);

        CliRun run = CliRun.of("rules", "test", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("ERROR " + file + ": case \"typo\": unknown outcome 'DISCLOSED'")
                .contains("ERROR " + file + ": case \"typo\": request fields[1]: unknown field 'shoe_size'");
        assertThat(run.lastLine()).isEqualTo("0 passed, 1 failed");
    }

    @Test
    void checkReportsFullCoverageOfTheBaseline() {
        CliRun run = CliRun.of("rules", "check");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("rule coverage: (\\d+)/\\1 rules; purpose x category coverage: 42/42 cells")
                .doesNotContain("UNCOVERED").endsWith("check passed\n");
    }

    @Test
    void checkRefusesALineTheVocabularyCannotExpandWithFileAndLine() throws IOException {
        Path dir = baselineCopy();
        Path rules = dir.resolve("rules/special.dslr");
        Files.writeString(rules, Files.readString(rules).replaceFirst("    - is in the category SPECIAL",
                "    - is somehow sensitive"));
        int line = lineOf(rules, "is somehow sensitive");

        CliRun run = CliRun.of("rules", "check", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(dir + "/rules/special.dslr:" + line + ": Unable to expand: - is somehow sensitive");
    }

    @Test
    void checkRefusesRawDrlAndImports() throws IOException {
        Path dir = baselineCopy();
        Files.writeString(dir.resolve("rules/zz-evil.dslr"), """
                import java.io.File

                rule "EVIL-01 Reads files"
                when
                    the request
                then
                >   new File("/etc/passwd").delete();
                    reject the request
                    citing "none"
                    because "none"
                end
                """);

        CliRun run = CliRun.of("rules", "check", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(dir + "/rules/zz-evil.dslr:1: 'import' is not allowed in authored rules")
                .contains(dir + "/rules/zz-evil.dslr:7: raw DRL lines ('>') are not allowed");
    }

    @Test
    void checkFailsWhenARuleHasNoScenario() throws IOException {
        Path dir = baselineCopy();
        Files.writeString(dir.resolve("rules/zz-new.dslr"), """
                rule "NEW-01 An untested rule"
                when
                    the request
                    - is for the purpose GENERAL_SUPERVISION
                    - rests on an order given orally
                    - names more subjects than the volume threshold
                    the requested field
                    - is the field photo
                then
                    reject the field
                    citing "AVG art. 5(1)(c)"
                    because "Not needed."
                end
                """);

        CliRun run = CliRun.of("rules", "check", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("UNCOVERED rule NEW-01 (rules/zz-new.dslr:1) fires in no scenario")
                .endsWith("check failed\n");
    }

    private static int lineOf(Path file, String text) throws IOException {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    @Test
    void theCheckedFolderIsReadWhole() throws IOException {
        assertThat(RulesetSource.fromDirectory(baselineCopy()).sha256())
                .isEqualTo(RulesetLocation.baseline().sha256());
    }
}
