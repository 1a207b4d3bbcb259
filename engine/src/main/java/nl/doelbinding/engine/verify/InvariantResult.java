package nl.doelbinding.engine.verify;

import java.math.BigInteger;
import java.util.Objects;

/** Whether one invariant holds on the whole space. */
public sealed interface InvariantResult permits InvariantResult.Proven, InvariantResult.Violated {
    Invariant invariant();

    /**
     * The requests in the invariant's scope, counted up to what the rules can tell apart: one-field
     * requests for {@code fieldOutcomeIn}, request contexts times non-empty field sets for {@code decisionIn}.
     */
    BigInteger requests();

    boolean holds();

    /** It holds on every request in scope. */
    record Proven(Invariant invariant, BigInteger requests) implements InvariantResult {
        public Proven {
            Objects.requireNonNull(invariant, "invariant");
            Objects.requireNonNull(requests, "requests");
        }

        @Override
        public boolean holds() {
            return true;
        }
    }

    /** It fails; the counterexample is the smallest request in scope on which it does. */
    record Violated(Invariant invariant, BigInteger requests, Counterexample counterexample)
            implements InvariantResult {
        public Violated {
            Objects.requireNonNull(invariant, "invariant");
            Objects.requireNonNull(requests, "requests");
            Objects.requireNonNull(counterexample, "counterexample");
        }

        @Override
        public boolean holds() {
            return false;
        }
    }
}
