package nl.doelbinding.routes;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import nl.doelbinding.routes.flow.DecisionOutcome;

/** Prometheus metrics of decisions: counts by channel and overall decision, and decision latency. */
public final class DecisionMetrics {
    private final MeterRegistry registry;

    public DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void decided(String channel, DecisionOutcome outcome, long nanos) {
        registry.counter("doelbinding_decisions_total", "channel", channel, "decision",
                outcome.stored().overall().name(), "replay", String.valueOf(outcome.replay())).increment();
        Timer.builder("doelbinding_decide_seconds").tag("channel", channel).publishPercentiles(0.5, 0.99)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
