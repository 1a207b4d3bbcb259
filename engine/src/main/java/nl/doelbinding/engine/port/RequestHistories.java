package nl.doelbinding.engine.port;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.doelbinding.engine.catalogue.Policy;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.RequestHistory;
import nl.doelbinding.engine.model.VNumber;

/**
 * Counts what came before a request, for the volume rules (legal catalogue R8), before it is decided: the
 * requesting unit's earlier requests in the policy's window and its coverage of the subjects' reception locations.
 * The decision log records the request in the same counts when it records the decision.
 */
public interface RequestHistories {
    /** No history kept: every request is a first one (a channel test without a database, the CLI's decide). */
    RequestHistories NONE = (request, policy, at) -> Counted.NONE;

    /** The history of {@code request}, received at {@code at}, under {@code policy}'s window. */
    Counted count(DisclosureRequest request, Policy policy, Instant at);

    /**
     * A request's history and what it was counted from.
     *
     * @param history    the facts the rules see
     * @param locations  the reception location of each subject the register holds, to be counted with the request
     * @param registered the subjects the register held when the history was counted; empty when it was not read
     *                   (then whoever needs to know reads the register itself)
     */
    record Counted(RequestHistory history, Map<VNumber, String> locations, Optional<Set<VNumber>> registered) {
        public static final Counted NONE = new Counted(RequestHistory.NONE, Map.of(), Optional.empty());

        public Counted {
            Objects.requireNonNull(history, "history");
            locations = Map.copyOf(locations);
            registered = registered.map(Set::copyOf);
            if (registered.isPresent() && !registered.get().containsAll(locations.keySet())) {
                throw new IllegalArgumentException("a subject with a location must be in the register");
            }
        }
    }
}
