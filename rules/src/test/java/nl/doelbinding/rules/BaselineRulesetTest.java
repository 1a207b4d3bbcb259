package nl.doelbinding.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import nl.doelbinding.engine.DecisionEngine;
import nl.doelbinding.engine.catalogue.FieldDefinition;
import nl.doelbinding.engine.catalogue.InstrumentDefinition;
import nl.doelbinding.engine.catalogue.PurposeDefinition;
import nl.doelbinding.engine.decision.RulesetDecisionEngine;
import nl.doelbinding.engine.drools.DroolsRulesetCompiler;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.FieldDecision;
import nl.doelbinding.engine.model.LegalBasis;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.engine.model.RuleId;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.model.Subject;
import nl.doelbinding.engine.model.VNumber;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.RulesetSource;
import nl.doelbinding.engine.scenario.CaseResult;
import nl.doelbinding.engine.scenario.Coverage;
import nl.doelbinding.engine.scenario.ScenarioReport;
import nl.doelbinding.engine.scenario.ScenarioRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The baseline ruleset passes the checks a version must pass before approval. */
class BaselineRulesetTest {
    private static CompiledRuleset baseline;
    private static ScenarioReport scenarios;

    @BeforeAll
    static void compile() {
        baseline = new DroolsRulesetCompiler().compile(RulesetSource.fromDirectory(Path.of("baseline"))).orThrow();
        scenarios = new ScenarioRunner(baseline).runOwnScenarios();
    }

    @Test
    void everyScenarioPasses() {
        assertThat(scenarios.errors()).isEmpty();
        assertThat(scenarios.results()).filteredOn(r -> !r.passed())
                .extracting(r -> r.scenario().name() + ": " + r.differences()).isEmpty();
        assertThat(scenarios.results()).hasSizeGreaterThanOrEqualTo(100);
    }

    @Test
    void everyRuleAndEveryPurposeTimesCategoryCellIsCovered() {
        Coverage coverage = Coverage.of(baseline, scenarios);

        assertThat(coverage.uncoveredRules()).isEmpty();
        assertThat(coverage.uncoveredCells()).isEmpty();
        assertThat(coverage.cells()).isEqualTo(42);
    }

    @Test
    void everyRuleCitesTheLaw() {
        List<String> uncited = new ArrayList<>();
        for (CaseResult result : scenarios.results()) {
            for (FieldDecision field : result.decision().fields()) {
                field.fired().stream().filter(h -> h.citation().isBlank() || h.explanation().isBlank())
                        .forEach(h -> uncited.add(h.rule().value()));
            }
        }
        assertThat(uncited).isEmpty();
    }

    /**
     * The matrix is complete: a well-formed request (accepted instrument, every formality present, one
     * subject) never leaves a field to the default deny — every cell is a decision the legal team made.
     */
    @Test
    void aWellFormedRequestLeavesNoFieldToTheDefaultDeny() {
        DecisionEngine engine = new RulesetDecisionEngine(baseline,
                new RulesetRef(OptionalInt.empty(), baseline.sha256()));
        List<String> undecided = new ArrayList<>();
        for (PurposeDefinition purpose : baseline.catalogue().purposes()) {
            for (InstrumentDefinition instrument : baseline.catalogue().instruments()) {
                if (!purpose.instruments().contains(instrument.code())) {
                    continue;
                }
                for (FieldDefinition field : baseline.catalogue().fields()) {
                    DisclosureRequest request = new DisclosureRequest("R", Optional.of(purpose.code()),
                            new LegalBasis(instrument.code(), Optional.of("ORDER-1"), Optional.of("RC-1"), false),
                            Optional.of("CASE-1"), List.of(new Subject(new VNumber("1000000001"))),
                            List.of(field.name()), "", new Requester("s", "c", Set.of("police-requester"), "U"));
                    Decision decision = engine.decide(request);
                    if (decision.fields().get(0).decidedBy().rule().equals(RuleId.DEFAULT_DENY)) {
                        undecided.add(purpose.code() + "/" + instrument.code() + "/" + field.name());
                    }
                }
            }
        }
        assertThat(undecided).isEmpty();
    }

    @Test
    void theBaselineShipsInsideTheRulesJar() {
        assertThat(getClass().getResource("/doelbinding/rulesets/baseline/ruleset.yaml")).isNotNull();
        assertThat(getClass().getResource("/doelbinding/rulesets/baseline/rules/special.dslr")).isNotNull();
    }
}
