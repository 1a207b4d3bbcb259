package nl.doelbinding.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import nl.doelbinding.engine.catalogue.Policy;
import nl.doelbinding.engine.drools.DroolsRulesetCompiler;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.RulesetSource;
import nl.doelbinding.server.cli.RulesetLocation;
import org.junit.jupiter.api.Test;

/** The benchmarks' ruleset differs from the baseline in R8's history thresholds only. */
class LoadRulesetTest {
    @Test
    void onlyTheHistoryThresholdsAreOutOfReach() {
        RulesetSource load = LoadRuleset.baselineWithoutHistoryLimits();
        RulesetSource baseline = RulesetLocation.baseline();

        CompiledRuleset compiled = new DroolsRulesetCompiler().compile(load).ruleset().orElseThrow();

        Policy policy = compiled.catalogue().policy();
        assertThat(policy.requestThreshold()).isEqualTo(2_000_000_000);
        assertThat(policy.coverageThreshold()).isEqualTo(100);
        assertThat(policy.subjectThreshold()).isEqualTo(5);
        assertThat(policy.windowDays()).isEqualTo(30);
        assertThat(load.files().keySet()).isEqualTo(baseline.files().keySet());
        baseline.files().forEach((path, text) -> {
            if (!path.equals("catalogue/policy.yaml")) {
                assertThat(load.files().get(path)).as(path).isEqualTo(text);
            }
        });
    }
}
