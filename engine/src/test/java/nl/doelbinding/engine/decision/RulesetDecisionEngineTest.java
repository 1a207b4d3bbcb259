package nl.doelbinding.engine.decision;

import static nl.doelbinding.engine.TestRulesets.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import nl.doelbinding.engine.DecisionEngine;
import nl.doelbinding.engine.TestRulesets;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.FieldDecision;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.RuleHit;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.Evaluation;
import nl.doelbinding.engine.ruleset.RuleInfo;
import nl.doelbinding.engine.ruleset.RulesetManifest;
import nl.doelbinding.engine.ruleset.RulesetSource;
import org.junit.jupiter.api.Test;

class RulesetDecisionEngineTest {
    private final DecisionEngine engine = TestRulesets.minimalEngine();

    private static FieldDecision field(Decision decision, String name) {
        return decision.field(new FieldName(name)).orElseThrow();
    }

    private static List<String> fired(FieldDecision field) {
        return field.fired().stream().map(h -> h.rule().value()).toList();
    }

    @Test
    void eachFieldGetsItsOutcomeDecidingRuleCitationAndExplanation() {
        Decision decision = engine.decide(request("CRIMINAL_INVESTIGATION", "SV_126ND", 1, "name", "health"));

        assertThat(decision.overall()).isEqualTo(OverallDecision.PARTIALLY_RELEASED);
        assertThat(decision.ruleset()).isEqualTo(new RulesetRef(OptionalInt.of(7), TestRulesets.minimal().sha256()));
        FieldDecision name = field(decision, "name");
        assertThat(name.outcome()).isEqualTo(FieldOutcome.DISCLOSE);
        assertThat(name.decidedBy().rule().value()).isEqualTo("INV-01");
        assertThat(name.decidedBy().citation()).isEqualTo("Sv art. 126nd");
        assertThat(name.decidedBy().explanation()).isEqualTo("The order obliges.");
        FieldDecision health = field(decision, "health");
        assertThat(health.outcome()).isEqualTo(FieldOutcome.REJECT);
        assertThat(health.decidedBy().rule().value()).isEqualTo("SPECIAL-01");
        assertThat(health.decidedBy().citation()).contains("art. 9");
    }

    @Test
    void theMostRestrictiveOutcomeWinsAndEveryFiredRuleIsListed() {
        Decision decision = engine.decide(request("CRIMINAL_INVESTIGATION", "SV_126ND", 1, "date_of_birth"));

        FieldDecision dob = field(decision, "date_of_birth");
        assertThat(dob.outcome()).isEqualTo(FieldOutcome.GENERALISE);
        assertThat(dob.decidedBy().rule().value()).isEqualTo("INV-02");
        assertThat(fired(dob)).containsExactly("INV-01", "INV-02");
        assertThat(decision.overall()).isEqualTo(OverallDecision.RELEASED);
    }

    @Test
    void aFieldNoRuleDecidesIsRejectedCitingPurposeLimitation() {
        Decision decision = engine.decide(request("THREAT_TO_LIFE", "VITAL_INTEREST", 1, "name"));

        FieldDecision name = field(decision, "name");
        assertThat(name.outcome()).isEqualTo(FieldOutcome.REJECT);
        assertThat(name.decidedBy().rule().value()).isEqualTo("DEFAULT-DENY");
        assertThat(name.decidedBy().citation()).contains("5(1)(b)");
        assertThat(name.fired()).isEmpty();
        assertThat(decision.overall()).isEqualTo(OverallDecision.REJECTED);
    }

    @Test
    void aRequestLevelRejectionRejectsEveryFieldAndTheRequest() {
        Decision decision = engine.decide(request("CRIMINAL_INVESTIGATION", "CONSENT", 1, "name", "phone"));

        assertThat(decision.overall()).isEqualTo(OverallDecision.REJECTED);
        assertThat(decision.requestRules()).extracting(h -> h.rule().value()).containsExactly("REQ-CONSENT-01");
        assertThat(decision.fields()).allSatisfy(f -> {
            assertThat(f.outcome()).isEqualTo(FieldOutcome.REJECT);
            assertThat(f.decidedBy().rule().value()).isEqualTo("REQ-CONSENT-01");
        });
    }

    @Test
    void aRequestLevelEscalationRaisesReleasedFieldsButNeverReleasesARejectedOne() {
        Decision decision = engine.decide(request("CRIMINAL_INVESTIGATION", "SV_126ND", 3, "name", "health"));

        assertThat(decision.overall()).isEqualTo(OverallDecision.ESCALATED);
        assertThat(field(decision, "name").outcome()).isEqualTo(FieldOutcome.ESCALATE);
        assertThat(field(decision, "name").decidedBy().rule().value()).isEqualTo("REQ-VOLUME-01");
        assertThat(field(decision, "health").outcome()).isEqualTo(FieldOutcome.REJECT);
    }

    @Test
    void aRequestLevelEscalationIsNoPermissionForAFieldNoRulePermits() {
        Decision decision = engine.decide(request("THREAT_TO_LIFE", "VITAL_INTEREST", 3, "name"));

        assertThat(field(decision, "name").decidedBy().rule().value()).isEqualTo("DEFAULT-DENY");
        assertThat(decision.overall()).isEqualTo(OverallDecision.REJECTED);
    }

    @Test
    void aRedactionTheCatalogueHasNoMethodForIsARejection() {
        Decision decision = engine.decide(request("CRIMINAL_INVESTIGATION", "SV_126ND", 1, "nationality", "phone"));

        FieldDecision nationality = field(decision, "nationality");
        assertThat(nationality.outcome()).isEqualTo(FieldOutcome.REJECT);
        assertThat(nationality.decidedBy().rule().value()).isEqualTo("ENGINE-NO-METHOD");
        assertThat(nationality.decidedBy().explanation()).contains("INV-04");
        assertThat(field(decision, "phone").outcome()).isEqualTo(FieldOutcome.MASK);
    }

    @Test
    void theSameRequestGetsTheSameDecision() {
        DisclosureRequest request = request("CRIMINAL_INVESTIGATION", "SV_126ND", 2, "name", "date_of_birth", "phone");

        assertThat(engine.decide(request)).isEqualTo(engine.decide(request));
    }

    @Test
    void whenEvaluationFailsNothingIsReleased() {
        CompiledRuleset broken = new FailingRuleset(TestRulesets.minimal());
        DecisionEngine failing = new RulesetDecisionEngine(broken, new RulesetRef(OptionalInt.of(1), broken.sha256()));

        Decision decision = failing.decide(request("CRIMINAL_INVESTIGATION", "SV_126ND", 1, "name", "phone"));

        assertThat(decision.overall()).isEqualTo(OverallDecision.REJECTED);
        assertThat(decision.requestRules()).extracting(h -> h.rule().value()).containsExactly("ENGINE-ERROR");
        assertThat(decision.fields()).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(FieldOutcome.REJECT));
    }

    /** A ruleset whose evaluation throws, as a broken rule or engine would. */
    private record FailingRuleset(CompiledRuleset real) implements CompiledRuleset {
        @Override
        public RulesetSource source() {
            return real.source();
        }

        @Override
        public RulesetManifest manifest() {
            return real.manifest();
        }

        @Override
        public Catalogue catalogue() {
            return real.catalogue();
        }

        @Override
        public List<RuleInfo> rules() {
            return real.rules();
        }

        @Override
        public Evaluation evaluate(DisclosureRequest request) {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void overallDecisionFollowsTheFieldOutcomes() {
        RuleHit hit = new RuleHit(new nl.doelbinding.engine.model.RuleId("X-01"), FieldOutcome.DISCLOSE, "c", "e");
        FieldDecision released = new FieldDecision(new FieldName("a"), FieldOutcome.MASK, hit, List.of(hit));
        FieldDecision rejected = new FieldDecision(new FieldName("b"), FieldOutcome.REJECT, hit, List.of(hit));
        FieldDecision escalated = new FieldDecision(new FieldName("c"), FieldOutcome.ESCALATE, hit, List.of(hit));

        assertThat(Combiner.overall(false, List.of(released))).isEqualTo(OverallDecision.RELEASED);
        assertThat(Combiner.overall(false, List.of(released, rejected))).isEqualTo(OverallDecision.PARTIALLY_RELEASED);
        assertThat(Combiner.overall(false, List.of(released, rejected, escalated))).isEqualTo(OverallDecision.ESCALATED);
        assertThat(Combiner.overall(false, List.of(rejected))).isEqualTo(OverallDecision.REJECTED);
        assertThat(Combiner.overall(true, List.of(released))).isEqualTo(OverallDecision.REJECTED);
    }
}
