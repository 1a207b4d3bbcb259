package nl.doelbinding.bench.load;

import java.util.Map;
import java.util.TreeMap;
import nl.doelbinding.engine.ruleset.RulesetSource;
import nl.doelbinding.server.cli.RulesetLocation;

/**
 * The ruleset the load benchmarks run: the baseline, with R8's history thresholds (20 requests per unit in 30 days,
 * 10% of a location) out of reach. A benchmark sends hundreds of thousands of requests as one unit; under the
 * baseline as it is, all but the first 20 would be escalated and the mix (80% releases, 10% escalations, 10%
 * rejections) would be lost. The history is still counted and recorded for every request: only the thresholds
 * the rules compare it with differ.
 */
final class LoadRuleset {
    private static final String POLICY = "catalogue/policy.yaml";

    private LoadRuleset() {
    }

    static RulesetSource baselineWithoutHistoryLimits() {
        Map<String, String> files = new TreeMap<>(RulesetLocation.baseline().files());
        String policy = files.get(POLICY);
        String relaxed = policy.replaceFirst("(?m)^  requestThreshold: \\d+$", "  requestThreshold: 2000000000")
                .replaceFirst("(?m)^  coverageThreshold: \\d+$", "  coverageThreshold: 100");
        if (relaxed.equals(policy)) {
            throw new IllegalStateException(POLICY + " of the baseline names no R8 history thresholds");
        }
        files.put(POLICY, relaxed);
        return RulesetSource.of(files);
    }
}
