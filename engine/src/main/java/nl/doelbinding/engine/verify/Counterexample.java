package nl.doelbinding.engine.verify;

import java.util.Objects;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;

/**
 * A request on which an invariant fails, with what the ruleset decides for it.
 *
 * @param invariant the invariant it breaks
 * @param request   the request (smallest: fewest fields, then fewest subjects, then fewest elements present)
 * @param decision  the engine's decision on it
 * @param wanted    what the invariant wanted, such as {@code outcome of health in [REJECT, ESCALATE]}
 * @param got       what the ruleset decided instead, such as {@code DISCLOSE by VIOL-01}
 */
public record Counterexample(Invariant invariant, DisclosureRequest request, Decision decision, String wanted,
                             String got) {
    public Counterexample {
        Objects.requireNonNull(invariant, "invariant");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(wanted, "wanted");
        Objects.requireNonNull(got, "got");
    }

    /**
     * The counterexample as a scenario file (api.md section 7) holding one case, ready to paste: its
     * {@code expect} is what the ruleset decides now, and a comment says what the invariant wanted.
     */
    public String scenarioYaml() {
        return ScenarioCaseYaml.write(this);
    }
}
