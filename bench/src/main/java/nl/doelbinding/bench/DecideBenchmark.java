package nl.doelbinding.bench;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import nl.doelbinding.engine.DecisionEngine;
import nl.doelbinding.engine.decision.RulesetDecisionEngine;
import nl.doelbinding.engine.drools.DroolsRulesetCompiler;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.RulesetSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The decision core, single-threaded: one {@link DecisionEngine#decide} per operation on a prebuilt
 * request. Three questions, each in its own state so that JMH only crosses the parameters that belong
 * together:
 * <ul>
 * <li>{@link #engineByRulesetSize}: the standard 12-field request on the baseline and on the baseline plus
 *     1,000 and 10,000 generated rules ({@link GeneratedRules});</li>
 * <li>{@link #engineByFieldCount}: 1, 12 and 50 fields on the baseline extended with 30 fields
 *     ({@link WideCatalogue});</li>
 * <li>{@link #floor}: the standard decision made by hand-written Java ({@link HandWrittenDecider}).</li>
 * </ul>
 * Every setup decides once and fails unless the decision is what the baseline says (and, for the floor
 * and the ruleset sizes, unless the engine's decision equals the hand-written one), so a broken path is
 * never measured.
 */
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Threads(1)
public class DecideBenchmark {
    static final int WIDE_FIELDS = 30;

    /** The standard request under the baseline plus {@code extraRules} generated rules. */
    @State(Scope.Benchmark)
    public static class RulesetSize {
        @Param({"0", "1000", "10000"})
        public int extraRules;

        DecisionEngine engine;
        DisclosureRequest request;

        @Setup(Level.Trial)
        public void setUp() {
            Map<String, String> files = GeneratedRules.addTo(BaselineSource.files(), extraRules);
            CompiledRuleset ruleset = compile(files);
            engine = engine(ruleset);
            request = StandardRequest.forFields(StandardRequest.TWELVE_FIELDS);
            Decision decision = engine.decide(request);
            StandardRequest.check(decision, StandardRequest.select(StandardRequest.ROW_D,
                    StandardRequest.TWELVE_FIELDS), OverallDecision.ESCALATED);
            requireEqual(floor(ruleset, files).decide(request), decision);
        }
    }

    /** {@code fields} fields of the standard request under the baseline extended with 30 fields. */
    @State(Scope.Benchmark)
    public static class FieldCount {
        @Param({"1", "12", "50"})
        public int fields;

        DecisionEngine engine;
        DisclosureRequest request;

        @Setup(Level.Trial)
        public void setUp() {
            CompiledRuleset ruleset = compile(WideCatalogue.addTo(BaselineSource.files(), WIDE_FIELDS));
            engine = engine(ruleset);
            List<String> names = WideCatalogue.requestFields(fields);
            request = StandardRequest.forFields(names);
            Map<String, StandardRequest.Expected> expected = StandardRequest.select(WideCatalogue.rowD(WIDE_FIELDS),
                    names);
            StandardRequest.check(engine.decide(request), expected, overall(expected));
        }
    }

    /** The standard request decided by hand-written Java. */
    @State(Scope.Benchmark)
    public static class Floor {
        DecisionEngine floor;
        DisclosureRequest request;

        @Setup(Level.Trial)
        public void setUp() {
            Map<String, String> files = BaselineSource.files();
            CompiledRuleset ruleset = compile(files);
            floor = floor(ruleset, files);
            request = StandardRequest.forFields(StandardRequest.TWELVE_FIELDS);
            Decision decision = floor.decide(request);
            requireEqual(decision, engine(ruleset).decide(request));
            StandardRequest.check(decision, StandardRequest.select(StandardRequest.ROW_D,
                    StandardRequest.TWELVE_FIELDS), OverallDecision.ESCALATED);
        }
    }

    @Benchmark
    public Decision engineByRulesetSize(RulesetSize state) {
        return state.engine.decide(state.request);
    }

    @Benchmark
    public Decision engineByFieldCount(FieldCount state) {
        return state.engine.decide(state.request);
    }

    @Benchmark
    public Decision floor(Floor state) {
        return state.floor.decide(state.request);
    }

    static CompiledRuleset compile(Map<String, String> files) {
        long start = System.nanoTime();
        CompiledRuleset ruleset = new DroolsRulesetCompiler().compile(RulesetSource.of(files)).orThrow();
        System.out.printf("compiled %d rules, %d fields in %.1f s%n", ruleset.rules().size(),
                ruleset.catalogue().fields().size(), (System.nanoTime() - start) / 1e9);
        return ruleset;
    }

    static DecisionEngine engine(CompiledRuleset ruleset) {
        return new RulesetDecisionEngine(ruleset, reference(ruleset));
    }

    static DecisionEngine floor(CompiledRuleset ruleset, Map<String, String> files) {
        return new HandWrittenDecider(ruleset.catalogue(), new RuleTexts(files), reference(ruleset));
    }

    private static RulesetRef reference(CompiledRuleset ruleset) {
        return new RulesetRef(OptionalInt.of(1), ruleset.sha256());
    }

    static void requireEqual(Decision floor, Decision engine) {
        if (!floor.equals(engine)) {
            throw new IllegalStateException("the hand-written decision differs from the engine's:\n  floor:  "
                    + floor + "\n  engine: " + engine);
        }
    }

    /** The overall decision the combining semantics give for these field outcomes (no request-level rule). */
    static OverallDecision overall(Map<String, StandardRequest.Expected> fields) {
        long rejected = fields.values().stream().filter(e -> e.outcome() == FieldOutcome.REJECT).count();
        if (fields.values().stream().anyMatch(e -> e.outcome() == FieldOutcome.ESCALATE)) {
            return OverallDecision.ESCALATED;
        }
        if (rejected == fields.size()) {
            return OverallDecision.REJECTED;
        }
        return rejected > 0 ? OverallDecision.PARTIALLY_RELEASED : OverallDecision.RELEASED;
    }
}
