package nl.doelbinding.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.doelbinding.engine.TestRulesets;
import nl.doelbinding.engine.model.FieldCategory;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.InstrumentCode;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.PurposeCode;
import org.junit.jupiter.api.Test;

class InvariantReaderTest {
    private static final String FILE = "invariants/test.yaml";
    private final InvariantReader reader = new InvariantReader(TestRulesets.minimal().catalogue());

    private InvariantSet read(String yaml) {
        SortedMap<String, String> files = new TreeMap<>();
        files.put(FILE, yaml);
        return reader.read(files);
    }

    private List<String> errors(String yaml) {
        return read(yaml).errors().stream().map(InvariantError::toString).toList();
    }

    @Test
    void readsTheNormativeFormat() {
        InvariantSet set = read("""
                invariants:
                  - id: INV-SPECIAL-01
                    description: "Special categories are never released automatically"
                    citation: "AVG art. 9(1)"
                    when:
                      categories: [SPECIAL]
                      fields: [health]
                      purposes: [CRIMINAL_INVESTIGATION, ~]
                      instruments: [SV_126ND]
                      authorisation: [true, false]
                      oral: [false]
                      caseReference: [true]
                      subjects: [0, 1, 50]
                      earlierRequests: [20, 400]
                      locationCoverage: [11]
                    fieldOutcomeIn: [REJECT, ESCALATE]
                  - id: INV-CONSENT-01
                    when: { instruments: [CONSENT] }
                    decisionIn: [REJECTED]
                """);

        assertThat(set.errors()).isEmpty();
        Invariant special = set.invariants().get(0);
        assertThat(special.id()).isEqualTo("INV-SPECIAL-01");
        assertThat(special.citation()).isEqualTo("AVG art. 9(1)");
        assertThat(special.file()).isEqualTo(FILE);
        assertThat(special.when().categories()).contains(Set.of(FieldCategory.SPECIAL));
        assertThat(special.when().fields()).contains(Set.of(new FieldName("health")));
        assertThat(special.when().purposes()).contains(Set.of(Optional.of(new PurposeCode("CRIMINAL_INVESTIGATION")),
                Optional.empty()));
        assertThat(special.when().instruments()).contains(Set.of(new InstrumentCode("SV_126ND")));
        assertThat(special.when().authorisation()).contains(Set.of(true, false));
        assertThat(special.when().oral()).contains(Set.of(false));
        assertThat(special.when().caseReference()).contains(Set.of(true));
        assertThat(special.when().orderReference()).isEmpty();
        assertThat(special.when().subjects()).contains(Set.of(0, 1, 50));
        assertThat(special.when().earlierRequests()).contains(Set.of(20, 400));
        assertThat(special.when().coverages()).contains(Set.of(11));
        assertThat(special.fieldOutcomeIn()).contains(Set.of(FieldOutcome.REJECT, FieldOutcome.ESCALATE));
        assertThat(special.decisionIn()).isEmpty();
        Invariant consent = set.invariants().get(1);
        assertThat(consent.decisionIn()).contains(Set.of(OverallDecision.REJECTED));
        assertThat(consent.when().purposes()).isEmpty();
    }

    @Test
    void anUnknownCodeIsNamedWithFileInvariantAndKey() {
        assertThat(errors("""
                invariants:
                  - id: INV-X-01
                    when:
                      purposes: [CRIMINAL_INVESTIGATOIN]
                      instruments: [SV_126NZ]
                      fields: [telephone]
                      categories: [SECRET]
                    fieldOutcomeIn: [REJECTED]
                  - id: INV-X-02
                    when: { oral: [maybe], subjects: [-1], earlierRequests: [many], locationCoverage: [101] }
                    decisionIn: [DENIED]
                """)).containsExactlyInAnyOrder(
                FILE + ": invariant INV-X-01: unknown purpose 'CRIMINAL_INVESTIGATOIN' in when.purposes",
                FILE + ": invariant INV-X-01: unknown instrument 'SV_126NZ' in when.instruments",
                FILE + ": invariant INV-X-01: unknown field 'telephone' in when.fields",
                FILE + ": invariant INV-X-01: unknown category 'SECRET' in when.categories",
                FILE + ": invariant INV-X-01: unknown outcome 'REJECTED' in fieldOutcomeIn",
                FILE + ": invariant INV-X-02: 'maybe' is not true or false in when.oral",
                FILE + ": invariant INV-X-02: '-1' is not a number of subjects from 0 to 1000 in when.subjects",
                FILE + ": invariant INV-X-02: 'many' is not a number of earlier requests from 0 to 2147483647 in"
                        + " when.earlierRequests",
                FILE + ": invariant INV-X-02: '101' is not a coverage in percent from 0 to 100 in when.locationCoverage",
                FILE + ": invariant INV-X-02: unknown decision 'DENIED' in decisionIn");
    }

    @Test
    void unknownKeysMissingPartsAndEmptyScopesAreErrors() {
        assertThat(errors("""
                invariants:
                  - id: INV-X-01
                    when: { instrument: [CONSENT] }
                    decisionIn: [REJECTED]
                  - description: "no id"
                    decisionIn: [REJECTED]
                  - id: INV-X-03
                    when: { purposes: [] }
                  - id: INV-X-04
                    when: { categories: [SPECIAL], fields: [name] }
                    fieldOutcomeIn: [REJECT]
                """)).containsExactlyInAnyOrder(
                FILE + ": invariant INV-X-01: unknown key 'when.instrument'",
                FILE + ": invariant #2: has no id",
                FILE + ": invariant INV-X-03: when.purposes is an empty list, which would select nothing;"
                        + " leave the key out for every value",
                FILE + ": invariant INV-X-03: says nothing: give fieldOutcomeIn or decisionIn",
                FILE + ": invariant INV-X-04: when.fields names 'name', which is in category IDENTITY, not in"
                        + " when.categories; both keys narrow the space, so it would drop out");
    }

    @Test
    void noPurposeAndNoInstrumentCanBeNamed() {
        InvariantSet set = read("""
                invariants:
                  - id: INV-NONE-01
                    when: { purposes: [~, ""], instruments: [~], subjects: ["6"], oral: ["true"] }
                    decisionIn: REJECTED
                """);

        assertThat(set.errors()).isEmpty();
        InvariantScope when = set.invariants().get(0).when();
        assertThat(when.purposes()).contains(Set.of(Optional.empty()));
        assertThat(when.instruments()).contains(Set.of(InstrumentCode.NONE));
        assertThat(when.subjects()).contains(Set.of(6));
        assertThat(when.oral()).contains(Set.of(true));
        assertThat(set.invariants().get(0).decisionIn()).contains(Set.of(OverallDecision.REJECTED));
    }

    @Test
    void aScopeWithoutFieldsIsAnError() {
        assertThat(errors("""
                invariants:
                  - id: INV-X-01
                    when: { categories: [BIOMETRIC] }
                    fieldOutcomeIn: [REJECT]
                """)).containsExactly(
                FILE + ": invariant INV-X-01: 'when' selects no field of the catalogue, so it would prove nothing");
    }

    @Test
    void anIdIsUsedOnceAndAFileMustHoldAList() {
        SortedMap<String, String> files = new TreeMap<>();
        files.put("invariants/a.yaml", "invariants:\n  - { id: INV-A-01, decisionIn: [REJECTED] }\n");
        files.put("invariants/b.yaml", "invariants:\n  - { id: INV-A-01, decisionIn: [REJECTED] }\n");
        files.put("invariants/c.yaml", "cases: []\n");
        files.put("invariants/d.yaml", "invariants: [ { id: INV-D-01, decisionIn: [REJECTED] ]\n");

        List<String> errors = reader.read(files).errors().stream().map(InvariantError::toString).toList();

        assertThat(errors).contains("invariants/b.yaml: invariant INV-A-01: the id is already used in invariants/a.yaml",
                "invariants/c.yaml: an invariant file holds a list 'invariants'")
                .anyMatch(e -> e.startsWith("invariants/d.yaml: line 1: "));
    }
}
