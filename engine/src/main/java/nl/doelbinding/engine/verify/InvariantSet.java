package nl.doelbinding.engine.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * Invariants read from files, with every problem found. Use the invariants only when there are no errors.
 *
 * @param invariants the invariants read, in file order
 * @param errors     problems, each naming file, invariant and the offending key or code
 */
public record InvariantSet(List<Invariant> invariants, List<InvariantError> errors) {
    public InvariantSet {
        invariants = List.copyOf(invariants);
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Both sets together, as one. */
    public InvariantSet and(InvariantSet other) {
        List<Invariant> all = new ArrayList<>(invariants);
        all.addAll(other.invariants);
        List<InvariantError> problems = new ArrayList<>(errors);
        problems.addAll(other.errors);
        return new InvariantSet(all, problems);
    }
}
