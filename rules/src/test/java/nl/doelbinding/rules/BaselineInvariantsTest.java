package nl.doelbinding.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import nl.doelbinding.engine.decision.Combiner;
import nl.doelbinding.engine.decision.RulesetDecisionEngine;
import nl.doelbinding.engine.drools.DroolsRulesetCompiler;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.FieldDecision;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.InstrumentCode;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.RulesetSource;
import nl.doelbinding.engine.scenario.ScenarioReport;
import nl.doelbinding.engine.scenario.ScenarioRunner;
import nl.doelbinding.engine.verify.Counterexample;
import nl.doelbinding.engine.verify.DecisionSpace;
import nl.doelbinding.engine.verify.InvariantReader;
import nl.doelbinding.engine.verify.InvariantSet;
import nl.doelbinding.engine.verify.InvariantVerifier;
import nl.doelbinding.engine.verify.RequestContext;
import nl.doelbinding.engine.verify.VerificationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The baseline's legal invariants hold on its whole decision space (docs/rules/invariants.md). */
class BaselineInvariantsTest {
    private static RulesetSource source;
    private static CompiledRuleset baseline;

    @BeforeAll
    static void compile() {
        source = RulesetSource.fromDirectory(Path.of("baseline"));
        baseline = new DroolsRulesetCompiler().compile(source).orThrow();
    }

    private static InvariantSet own(CompiledRuleset ruleset) {
        InvariantSet invariants = new InvariantReader(ruleset.catalogue()).readOwn(ruleset.source());
        assertThat(invariants.errors()).isEmpty();
        return invariants;
    }

    @Test
    void everyBaselineInvariantIsProvenAndNoRuleIsDeadOrShadowed() {
        InvariantSet invariants = own(baseline);

        VerificationReport report = new InvariantVerifier().verify(baseline, invariants.invariants());

        assertThat(invariants.invariants()).hasSizeGreaterThanOrEqualTo(12)
                .allSatisfy(i -> assertThat(i.citation()).as(i.id()).isNotBlank())
                .allSatisfy(i -> assertThat(i.description()).as(i.id()).isNotBlank());
        assertThat(report.violations()).extracting(v -> v.invariant().id() + ": " + v.counterexample().got())
                .isEmpty();
        assertThat(report.problems()).isEmpty();
        assertThat(report.deadRules()).isEmpty();
        assertThat(report.shadowedRules()).isEmpty();
        assertThat(report.holds()).isTrue();
        // 8 purposes (with none) x 7 instruments x 16 flag combinations x 3 subject counts x 2 earlier-request
        // counts (none, the threshold of 20) x 2 coverages (none, above 10%), x 20 fields
        assertThat(report.oneFieldRequests()).isEqualTo(8L * 7 * 16 * 3 * 2 * 2 * 20);
    }

    @Test
    void withoutTheConsentRuleTheConsentInvariantFailsOnAConsentRequest() {
        CompiledRuleset broken = withoutRequestRule("REQ-CONSENT-01");

        VerificationReport report = new InvariantVerifier().verify(broken, own(broken).invariants());

        assertThat(report.holds()).isFalse();
        assertThat(report.violations()).extracting(v -> v.invariant().id()).contains("INV-CONSENT-01");
        Counterexample c = report.violations().stream().filter(v -> v.invariant().id().equals("INV-CONSENT-01"))
                .findFirst().orElseThrow().counterexample();
        assertThat(c.request().legalBasis().instrument()).isEqualTo(new InstrumentCode("CONSENT"));
        assertThat(c.decision().overall()).isNotEqualTo(OverallDecision.REJECTED);
        assertThat(c.scenarioYaml()).contains("legalBasis: { instrument: CONSENT")
                .contains("# INV-CONSENT-01 wants the decision in [REJECTED]");
        // pasted into a scenario file it passes on the broken ruleset and fails on the baseline
        assertThat(runScenario(broken, c).failed()).isZero();
        assertThat(runScenario(baseline, c).failed()).isEqualTo(1);
    }

    @Test
    void withoutTheRequestCountRuleTheVolumeInvariantFailsOnAUnitOverTheThreshold() {
        CompiledRuleset broken = withoutRequestRule("REQ-VOLUME-02");

        VerificationReport report = new InvariantVerifier().verify(broken, own(broken).invariants());

        assertThat(report.violations()).extracting(v -> v.invariant().id()).containsExactly("INV-VOLUME-02");
        Counterexample c = report.violations().get(0).counterexample();
        // the smallest count the invariant names, although the broken ruleset no longer tells 0 and 20 apart
        assertThat(c.request().history().earlierRequests()).isEqualTo(20);
        assertThat(c.scenarioYaml()).contains("history: { earlierRequests: 20, locationCoverage: 0 }");
        assertThat(runScenario(broken, c).failed()).isZero();
        assertThat(runScenario(baseline, c).failed()).isEqualTo(1);
    }

    /** The baseline with one rule of {@code rules/request.dslr} deleted, as an author might by mistake. */
    private CompiledRuleset withoutRequestRule(String id) {
        Map<String, String> files = new TreeMap<>(source.files());
        String request = files.get("rules/request.dslr");
        String without = request.replaceFirst("(?s)rule \"" + id + ".*?\\nend\\n", "");
        assertThat(without).isNotEqualTo(request).doesNotContain(id);
        files.put("rules/request.dslr", without);
        return new DroolsRulesetCompiler().compile(RulesetSource.of(files)).orThrow();
    }

    private static ScenarioReport runScenario(CompiledRuleset ruleset, Counterexample c) {
        SortedMap<String, String> files = new TreeMap<>();
        files.put("counterexample.yaml", c.scenarioYaml());
        ScenarioReport report = new ScenarioRunner(ruleset).run(files);
        assertThat(report.errors()).isEmpty();
        return report;
    }

    /**
     * The claim the proof rests on, tested on the baseline: a request for several fields, with any number of
     * subjects, decides each field exactly as the one-field request with the same request-level facts (and
     * the subject count that stands for its own), and its overall decision follows from those field decisions.
     */
    @Test
    void randomMultiFieldRequestsDecideEachFieldAsTheOneFieldRequestsDo() {
        RulesetDecisionEngine engine = new RulesetDecisionEngine(baseline,
                new RulesetRef(OptionalInt.empty(), baseline.sha256()));
        DecisionSpace space = DecisionSpace.of(baseline);
        List<FieldName> all = space.fields().stream().map(f -> f.name()).toList();
        Random random = new Random(20261201);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            RequestContext base = space.contexts().get(random.nextInt(space.contexts().size()));
            int subjects = random.nextInt(4) == 0 ? random.nextInt(1001) : random.nextInt(8);
            RequestContext context = new RequestContext(base.purpose(), base.instrument(), base.orderReference(),
                    base.authorisation(), base.oral(), base.caseReference(), subjects, base.unit());
            RequestContext represented = new RequestContext(base.purpose(), base.instrument(), base.orderReference(),
                    base.authorisation(), base.oral(), base.caseReference(), space.representative(subjects),
                    base.unit());
            List<FieldName> fields = new ArrayList<>(all);
            Collections.shuffle(fields, random);
            fields = fields.subList(0, 1 + random.nextInt(all.size()));

            Decision together = engine.decide(context.request(fields));
            List<FieldDecision> alone = new ArrayList<>();
            for (FieldName field : fields) {
                alone.add(engine.decide(represented.request(List.of(field))).fields().get(0));
            }
            boolean rejected = together.requestRules().stream().anyMatch(h -> h.outcome() == FieldOutcome.REJECT);
            if (!together.fields().equals(alone)) {
                differences.add("fields differ for " + context + " " + fields);
            }
            if (together.overall() != Combiner.overall(rejected, alone)) {
                differences.add("overall differs for " + context + " " + fields);
            }
        }
        assertThat(differences).isEmpty();
    }
}
