package nl.doelbinding.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.doelbinding.engine.TestRulesets;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.InstrumentCode;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.RuleInfo;
import nl.doelbinding.engine.scenario.ScenarioReport;
import nl.doelbinding.engine.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;

/**
 * The verifier on the engine's minimal ruleset (purposes CRIMINAL_INVESTIGATION, THREAT_TO_LIFE; instruments
 * NONE, CONSENT, VITAL_INTEREST, SV_126ND; six fields; volume threshold 2).
 */
class InvariantVerifierTest {
    /** (none + 2 purposes) x 4 instruments x 2^4 flags x 3 subject counts (0, 1, 3). */
    private static final int CONTEXTS = 3 * 4 * 16 * 3;

    private static List<Invariant> invariants(CompiledRuleset ruleset, String yaml) {
        SortedMap<String, String> files = new TreeMap<>();
        files.put("test.yaml", yaml);
        InvariantSet set = new InvariantReader(ruleset.catalogue()).read(files);
        assertThat(set.errors()).isEmpty();
        return set.invariants();
    }

    private static VerificationReport verify(CompiledRuleset ruleset, String yaml) {
        return new InvariantVerifier().verify(ruleset, invariants(ruleset, yaml));
    }

    @Test
    void theSpaceIsEveryPurposeInstrumentFlagSubjectClassAndField() {
        DecisionSpace space = DecisionSpace.of(TestRulesets.minimal());

        assertThat(space.contexts()).hasSize(CONTEXTS).doesNotHaveDuplicates();
        assertThat(space.purposes()).hasSize(3).first().matches(p -> p.isEmpty());
        assertThat(space.instruments()).extracting(InstrumentCode::value)
                .containsExactly("NONE", "CONSENT", "VITAL_INTEREST", "SV_126ND");
        assertThat(space.subjectCounts()).containsExactly(0, 1, 3);
        assertThat(space.units()).containsExactly(DecisionSpace.NEUTRAL_UNIT);
        assertThat(space.fields()).hasSize(6);
        assertThat(space.oneFieldRequests()).isEqualTo(CONTEXTS * 6L);
        assertThat(space.contexts().get(0)).isEqualTo(new RequestContext(java.util.Optional.empty(),
                InstrumentCode.NONE, false, false, false, false, 0, DecisionSpace.NEUTRAL_UNIT));
        assertThat(space.representative(0)).isZero();
        assertThat(space.representative(2)).isEqualTo(1);
        assertThat(space.representative(50)).isEqualTo(3);
    }

    @Test
    void provesWhatHoldsAndCountsTheRequests() {
        VerificationReport report = verify(TestRulesets.minimal(), """
                invariants:
                  - id: T-HEALTH
                    when: { fields: [health] }
                    fieldOutcomeIn: [REJECT]
                  - id: T-CONSENT
                    when: { instruments: [CONSENT] }
                    decisionIn: [REJECTED]
                """);

        assertThat(report.results()).allMatch(InvariantResult::holds);
        assertThat(report.results().get(0).requests()).isEqualTo(BigInteger.valueOf(CONTEXTS));
        // a quarter of the contexts use CONSENT, each with 2^6 - 1 sets of fields
        assertThat(report.results().get(1).requests()).isEqualTo(BigInteger.valueOf(CONTEXTS / 4 * 63));
        assertThat(report.problems()).isEmpty();
        assertThat(report.holds()).isTrue();
        assertThat(report.summary()).isEqualTo("2 passed, 0 failed");
        assertThat(report.oneFieldRequests()).isEqualTo(CONTEXTS * 6L);
    }

    @Test
    void aViolationGivesTheSmallestCounterexampleAsAScenarioThatRuns() {
        CompiledRuleset ruleset = TestRulesets.minimal();
        VerificationReport report = verify(ruleset, """
                invariants:
                  - id: T-PHONE
                    description: "Phone numbers never leave"
                    citation: "AVG art. 5(1)(c)"
                    when: { fields: [phone] }
                    fieldOutcomeIn: [REJECT, ESCALATE]
                """);

        assertThat(report.holds()).isFalse();
        assertThat(report.summary()).isEqualTo("0 passed, 1 failed");
        Counterexample c = report.violations().get(0).counterexample();
        // smallest: no subject, nothing optional present, the first purpose and instrument that break it
        assertThat(c.request().purpose()).contains(new PurposeCode("CRIMINAL_INVESTIGATION"));
        assertThat(c.request().legalBasis().instrument()).isEqualTo(InstrumentCode.NONE);
        assertThat(c.request().subjects()).isEmpty();
        assertThat(c.request().fields()).containsExactly(new FieldName("phone"));
        assertThat(c.wanted()).isEqualTo("the outcome of phone in [ESCALATE, REJECT]");
        assertThat(c.got()).isEqualTo("MASK by INV-03");
        assertThat(c.scenarioYaml()).isEqualTo("""
                cases:
                  - name: "T-PHONE counterexample"
                    # T-PHONE wants the outcome of phone in [ESCALATE, REJECT]; the ruleset decides MASK by INV-03
                    # Phone numbers never leave (AVG art. 5(1)(c))
                    request:
                      purpose: CRIMINAL_INVESTIGATION
                      legalBasis: { instrument: NONE, oral: false }
                      requester: { roles: [police-requester], unit: "verify-unit" }
                      subjects: []
                      fields: [ phone ]
                    expect:
                      decision: RELEASED
                      fields: { phone: MASK }
                      rules: { phone: INV-03 }
                      requestRules: []
                """);
        assertRunsAsAPassingScenario(ruleset, c);
    }

    @Test
    void aDecisionInvariantIsCheckedOnEverySetOfFields() {
        CompiledRuleset ruleset = TestRulesets.minimal();
        // no one-field request is PARTIALLY_RELEASED; only a rejected field next to a released one is
        VerificationReport report = verify(ruleset, """
                invariants:
                  - id: T-ALL-OR-NOTHING
                    when: { purposes: [CRIMINAL_INVESTIGATION] }
                    decisionIn: [RELEASED, REJECTED, ESCALATED]
                """);

        Counterexample c = report.violations().get(0).counterexample();
        assertThat(c.request().fields()).extracting(FieldName::value).containsExactly("name", "date_of_birth");
        assertThat(c.request().legalBasis().instrument()).isEqualTo(InstrumentCode.NONE);
        assertThat(c.decision().overall()).isEqualTo(OverallDecision.PARTIALLY_RELEASED);
        assertThat(c.decision().fields()).extracting(f -> f.outcome())
                .containsExactly(FieldOutcome.REJECT, FieldOutcome.GENERALISE);
        assertThat(c.wanted()).isEqualTo("the decision in [RELEASED, ESCALATED, REJECTED]");
        assertRunsAsAPassingScenario(ruleset, c);
    }

    @Test
    void aSubjectCountIsCheckedThroughTheCountThatStandsForIt() {
        CompiledRuleset ruleset = TestRulesets.minimal();
        VerificationReport report = verify(ruleset, """
                invariants:
                  - id: T-VOLUME-HOLDS
                    when: { subjects: [50] }
                    fieldOutcomeIn: [REJECT, ESCALATE]
                  - id: T-VOLUME-BREAKS
                    when: { subjects: [40, 50] }
                    fieldOutcomeIn: [REJECT]
                """);

        assertThat(report.results().get(0).holds()).isTrue();
        assertThat(report.results().get(0).requests()).isEqualTo(BigInteger.valueOf(CONTEXTS / 3 * 6));
        Counterexample c = report.violations().get(0).counterexample();
        assertThat(c.request().subjects()).hasSize(40); // the request is literally in scope
        assertThat(c.got()).startsWith("ESCALATE by REQ-VOLUME-01");
        assertRunsAsAPassingScenario(ruleset, c);
    }

    @Test
    void reportsDeadAndShadowedRules() {
        Map<String, String> files = TestRulesets.minimalFiles();
        files.put("rules/zz-dead.dslr", """
                rule "DEAD-01 Contradicts itself"
                when
                    the request
                    - names no subject
                    - names more subjects than the volume threshold
                then
                    reject the request
                    citing "AVG art. 5"
                    because "Never."
                end

                rule "DEAD-02 Always outdone"
                when
                    the request
                    - is based on CONSENT
                then
                    escalate the request
                    citing "AVG art. 7"
                    because "Consent is rejected anyway."
                end
                """);
        CompiledRuleset ruleset = TestRulesets.compile(files).orThrow();

        VerificationReport report = new InvariantVerifier().verify(ruleset, List.of());

        assertThat(report.deadRules()).extracting(r -> r.id().value()).containsExactly("DEAD-01");
        // INV-04 generalises nationality, which the catalogue cannot: the engine rejects instead
        assertThat(report.shadowedRules()).extracting(RuleInfo::id).extracting(Object::toString)
                .containsExactly("INV-04", "DEAD-02");
        assertThat(report.summary()).isEqualTo("0 passed, 0 failed");
    }

    @Test
    void aRuleOnTheRequestersUnitIsCoveredByTheUnitsItNames() {
        Map<String, String> files = TestRulesets.minimalFiles();
        files.put("vocabulary/unit.dsl", "[when]- comes from the unit {unit:[A-Za-z-]+}=unit == \"{unit}\"\n");
        files.put("rules/zz-unit.dslr", """
                rule "UNIT-01 One unit may have phones"
                when
                    the request
                    - comes from the unit AVIM-Noord
                    the requested field
                    - is the field phone
                then
                    disclose the field
                    citing "AVG art. 6"
                    because "Test."
                end
                """);
        CompiledRuleset ruleset = TestRulesets.compile(files).orThrow();

        VerificationReport report = verify(ruleset, """
                invariants:
                  - id: T-PHONE
                    when: { fields: [phone], purposes: [THREAT_TO_LIFE] }
                    fieldOutcomeIn: [REJECT]
                """);

        assertThat(report.problems()).isEmpty();
        Counterexample c = report.violations().get(0).counterexample();
        assertThat(c.request().requester().unit()).isEqualTo("AVIM-Noord");
        assertThat(c.got()).isEqualTo("DISCLOSE by UNIT-01");
        assertRunsAsAPassingScenario(ruleset, c);
    }

    @Test
    void conditionsTheSpaceCannotCoverMakeItNoProof() {
        Map<String, String> files = TestRulesets.minimalFiles();
        files.put("vocabulary/unit.dsl", "[when]- comes from a unit after M=unit > \"M\"\n");
        files.put("rules/zz-unit.dslr", """
                rule "UNIT-01 Ordered units"
                when
                    the request
                    - comes from a unit after M
                then
                    escalate the request
                    citing "AVG art. 6"
                    because "Test."
                end
                """);

        VerificationReport report = new InvariantVerifier().verify(TestRulesets.compile(files).orThrow(), List.of());

        assertThat(report.problems()).singleElement().asString().contains("UNIT-01");
        assertThat(report.holds()).isFalse();
    }

    @Test
    void theCrossCheckCatchesAnEngineThatDecidesAFieldByItsNeighbours() {
        var real = TestRulesets.minimalEngine();
        // decides health differently as soon as another field is asked for with it
        nl.doelbinding.engine.DecisionEngine leaky = request -> {
            var decision = real.decide(request);
            if (request.fields().size() < 2) {
                return decision;
            }
            List<nl.doelbinding.engine.model.FieldDecision> fields = new ArrayList<>();
            for (var f : decision.fields()) {
                fields.add(f.field().value().equals("health")
                        ? new nl.doelbinding.engine.model.FieldDecision(f.field(), FieldOutcome.DISCLOSE,
                        new nl.doelbinding.engine.model.RuleHit(new nl.doelbinding.engine.model.RuleId("LEAK-01"),
                                FieldOutcome.DISCLOSE, "none", "leak"), List.of())
                        : f);
            }
            return new nl.doelbinding.engine.model.Decision(decision.requestId(), decision.overall(),
                    decision.ruleset(), decision.requestRules(), fields);
        };

        ExploredSpace explored = ExploredSpace.explore(leaky, DecisionSpace.of(TestRulesets.minimal()));

        assertThat(explored.problems).isNotEmpty()
                .first().asString().startsWith("field independence fails: health is decided DISCLOSE by LEAK-01");
    }

    private static void assertRunsAsAPassingScenario(CompiledRuleset ruleset, Counterexample c) {
        SortedMap<String, String> files = new TreeMap<>();
        files.put("counterexample.yaml", c.scenarioYaml());
        ScenarioReport scenarios = new ScenarioRunner(ruleset).run(files);
        assertThat(scenarios.errors()).isEmpty();
        assertThat(scenarios.results()).singleElement().satisfies(r -> assertThat(r.differences()).isEmpty());
    }
}
