package nl.doelbinding.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import nl.doelbinding.engine.catalogue.Policy;
import nl.doelbinding.engine.drools.DroolsRulesetCompiler;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.RulesetSource;
import nl.doelbinding.engine.scenario.ScenarioReport;
import nl.doelbinding.engine.verify.InvariantReader;
import nl.doelbinding.engine.verify.InvariantSet;
import nl.doelbinding.engine.verify.InvariantVerifier;
import nl.doelbinding.server.cli.RulesetLocation;
import org.junit.jupiter.api.Test;

/**
 * The ruleset the integration tests' servers start with: the baseline with R8's thresholds out of the tests'
 * reach. It must still pass its own scenarios (a lifecycle test uploads it, and the server checks it), and it
 * must differ from the baseline in R8's thresholds and the histories its scenarios state, nothing else.
 */
class RelaxedBaselineTest {
    private final RulesetSource baseline = RulesetLocation.baseline();
    private final RulesetSource relaxed = RunningServer.withoutHistoryLimits(baseline);

    @Test
    void itPassesEveryOwnScenarioAndProvesEveryOwnInvariant() {
        CompiledRuleset compiled = new DroolsRulesetCompiler().compile(relaxed).ruleset().orElseThrow();

        ScenarioReport report = new nl.doelbinding.engine.scenario.ScenarioRunner(compiled).runOwnScenarios();

        assertThat(report.errors()).isEmpty();
        assertThat(report.failed()).as(report.summary()).isZero();
        assertThat(report.passed()).isGreaterThan(100);
        InvariantSet invariants = new InvariantReader(compiled.catalogue()).readOwn(relaxed);
        assertThat(invariants.errors()).isEmpty();
        assertThat(new InvariantVerifier().verify(compiled, invariants.invariants()).holds()).isTrue();
        Policy policy = compiled.catalogue().policy();
        assertThat(policy.requestThreshold()).isEqualTo(1_000_000_000);
        assertThat(policy.coverageThreshold()).isEqualTo(99);
    }

    @Test
    void onlyThresholdsAndScenarioHistoriesDiffer() {
        assertThat(relaxed.files().keySet()).isEqualTo(baseline.files().keySet());
        baseline.files().forEach((path, text) -> {
            String other = relaxed.files().get(path);
            if (path.equals("catalogue/policy.yaml") || path.equals("scenarios/request-level.yaml")
                    || path.equals("invariants/request-level.yaml")) {
                assertThat(other).as(path).isNotEqualTo(text);
                assertThat(other.replaceAll("\\d+", "N")).as(path).isEqualTo(text.replaceAll("\\d+", "N"));
            } else {
                assertThat(other).as(path).isEqualTo(text);
            }
        });
    }
}
