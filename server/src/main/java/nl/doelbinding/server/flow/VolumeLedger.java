package nl.doelbinding.server.flow;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.doelbinding.engine.catalogue.Policy;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.RequestHistory;
import nl.doelbinding.engine.model.Subject;
import nl.doelbinding.engine.model.VNumber;
import nl.doelbinding.engine.port.RequestHistories;
import nl.doelbinding.engine.port.ResidentDirectory;
import nl.doelbinding.server.persistence.Transactions;
import nl.doelbinding.server.persistence.VolumeStore;

/**
 * The requester's history for the volume rules (legal catalogue R8), counted per requesting unit on the holder's
 * own records: its requests in the policy's window, and per reception location the residents its requests named
 * (requests refused outright not counted), this request's subjects included. Days are UTC days; the window is the
 * request's day and the {@code windowDays - 1} days before it.
 *
 * <p>The counts are of requests recorded before this one was decided: requests of one unit decided at the same
 * moment (at most the requests in flight) do not see each other. A location whose size the register cannot tell
 * counts as fully covered (fail closed). Location sizes are read from the register at most once a minute.
 */
public final class VolumeLedger implements RequestHistories {
    static final Duration LOCATION_SIZES_KEPT = Duration.ofMinutes(1);

    private final Transactions transactions;
    private final VolumeStore store;
    private final ResidentDirectory residents;
    private final Clock clock;
    private final Map<String, LocationSize> sizes = new ConcurrentHashMap<>();

    public VolumeLedger(Transactions transactions, VolumeStore store, ResidentDirectory residents, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.residents = residents;
        this.clock = clock;
    }

    @Override
    public Counted count(DisclosureRequest request, Policy policy, Instant at) {
        Map<VNumber, Map<FieldName, String>> registered = registered(request.subjects());
        Map<VNumber, String> locations = new HashMap<>();
        registered.forEach((v, values) -> {
            String location = values.get(ResidentDirectory.LOCATION);
            if (location != null) {
                locations.put(v, location);
            }
        });
        Map<String, Set<String>> named = new LinkedHashMap<>();
        locations.forEach((v, location) -> named.computeIfAbsent(location, l -> new HashSet<>()).add(v.value()));
        long fromDay = day(at) - policy.windowDays() + 1;
        String unit = request.requester().unit();
        // Read before the transaction: a register on the same pool must not be asked for a second connection while
        // this thread holds one (with every pooled connection so held, no thread would get its second).
        Map<String, OptionalLong> locationSizes = new HashMap<>();
        named.keySet().forEach(location -> locationSizes.put(location, size(location)));
        RequestHistory history = transactions.reading(c -> {
            int earlier = store.requestsSince(c, unit, fromDay);
            int coverage = 0;
            for (Map.Entry<String, Set<String>> location : named.entrySet()) {
                int covered = store.coveredSince(c, unit, location.getKey(), fromDay, location.getValue());
                coverage = Math.max(coverage, coverage(covered, locationSizes.get(location.getKey())));
            }
            return new RequestHistory(earlier, coverage);
        });
        return new Counted(history, locations, Optional.of(registered.keySet()));
    }

    /** Counts a decided request in its unit's history; part of the transaction that records the decision. */
    void record(Connection c, DisclosureRequest request, Decision decision, Counted counted, Instant at) {
        String unit = request.requester().unit();
        long day = day(at);
        store.countRequest(c, unit, day);
        if (decision.overall() != OverallDecision.REJECTED) {
            counted.locations().forEach((v, location) -> store.countSubject(c, unit, location, v.value(), day));
        }
    }

    /** The subjects the register holds, with their location: one read serves the count and the decision log. */
    private Map<VNumber, Map<FieldName, String>> registered(List<Subject> subjects) {
        if (subjects.isEmpty()) {
            return Map.of();
        }
        return residents.read(subjects.stream().map(Subject::vNumber).toList(), Set.of(ResidentDirectory.LOCATION));
    }

    private static int coverage(int covered, OptionalLong size) {
        // A register that cannot tell the size, or holds fewer residents than were named there: fully covered.
        long residentsThere = size.isPresent() ? Math.max(size.getAsLong(), covered) : covered;
        return RequestHistory.percent(covered, residentsThere);
    }

    private OptionalLong size(String location) {
        Instant now = clock.instant();
        LocationSize known = sizes.get(location);
        if (known != null && now.isBefore(known.readAt().plus(LOCATION_SIZES_KEPT))) {
            return known.residents();
        }
        OptionalLong read = residents.residentsAt(location);
        sizes.put(location, new LocationSize(read, now));
        return read;
    }

    private static long day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
    }

    private record LocationSize(OptionalLong residents, Instant readAt) {
    }
}
