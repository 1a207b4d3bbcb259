package nl.doelbinding.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import nl.doelbinding.engine.TestRulesets;
import org.junit.jupiter.api.Test;

class CoverageTest {
    private static ScenarioReport run(String yaml) {
        TreeMap<String, String> files = new TreeMap<>();
        files.put("case.yaml", yaml);
        return new ScenarioRunner(TestRulesets.minimal()).run(files);
    }

    @Test
    void aCellIsCoveredWhenAFieldRuleDecidedAnAssertedField() {
        ScenarioReport report = run("""
                cases:
                  - name: "identity under an order"
                    request:
                      purpose: CRIMINAL_INVESTIGATION
                      legalBasis: { instrument: SV_126ND, reference: "OvJ-1" }
                      caseReference: "Z-1"
                      subjects: [ { vNumber: "1000000001" } ]
                      fields: [ name, health ]
                    expect:
                      fields: { name: DISCLOSE }
                """);

        Coverage coverage = Coverage.of(TestRulesets.minimal(), report);

        assertThat(report.failed()).isZero();
        assertThat(coverage.uncoveredCells()).doesNotContain("CRIMINAL_INVESTIGATION x IDENTITY")
                .contains("CRIMINAL_INVESTIGATION x SPECIAL");
        assertThat(coverage.uncoveredRules()).extracting(r -> r.id().value()).doesNotContain("INV-01", "SPECIAL-01")
                .contains("REQ-CONSENT-01", "THREAT-01");
    }

    @Test
    void aRequestLevelRefusalCoversNoCell() {
        ScenarioReport report = run("""
                cases:
                  - name: "consent refused"
                    request:
                      purpose: CRIMINAL_INVESTIGATION
                      legalBasis: { instrument: CONSENT }
                      caseReference: "Z-1"
                      subjects: [ { vNumber: "1000000001" } ]
                      fields: [ name, phone, health ]
                    expect:
                      decision: REJECTED
                      fields: { name: REJECT, phone: REJECT, health: REJECT }
                """);

        Coverage coverage = Coverage.of(TestRulesets.minimal(), report);

        assertThat(report.failed()).isZero();
        assertThat(coverage.uncoveredCells()).contains("CRIMINAL_INVESTIGATION x IDENTITY",
                "CRIMINAL_INVESTIGATION x LOCATION", "CRIMINAL_INVESTIGATION x SPECIAL");
    }
}
