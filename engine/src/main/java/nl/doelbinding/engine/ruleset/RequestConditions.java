package nl.doelbinding.engine.ruleset;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import nl.doelbinding.engine.catalogue.Policy;

/**
 * What a ruleset's request-level conditions compare the open-ended request facts with: the number of named
 * subjects, the requester's unit, and the requester's history (earlier requests in the window, coverage of a
 * location). Every other request fact ranges over a finite set (the catalogue's codes, flags), so with these
 * values a verifier can enumerate every distinct request.
 *
 * @param subjectCounts    subject counts with at least one from every class of counts the conditions can
 *                         tell apart (always 0, 1 and one above the volume threshold, plus every boundary a
 *                         condition draws)
 * @param unitValues       the units a condition names; empty when no condition looks at the unit
 * @param uncovered        conditions that compare these facts in a way the values above do not cover; when
 *                         not empty, enumerating the values is no proof
 * @param earlierRequests  earlier-request counts, one from every class the conditions tell apart (always 0)
 * @param coverages        location coverages in percent, one from every class the conditions tell apart
 *                         (always 0)
 */
public record RequestConditions(SortedSet<Integer> subjectCounts, SortedSet<String> unitValues,
                                List<String> uncovered, SortedSet<Integer> earlierRequests,
                                SortedSet<Integer> coverages) {
    public RequestConditions {
        subjectCounts = sorted(subjectCounts, "subject counts");
        unitValues = Collections.unmodifiableSortedSet(new TreeSet<>(unitValues));
        uncovered = List.copyOf(uncovered);
        earlierRequests = sorted(earlierRequests, "earlier-request counts");
        coverages = sorted(coverages, "coverages");
    }

    private static SortedSet<Integer> sorted(SortedSet<Integer> values, String what) {
        if (values.isEmpty() || values.first() < 0) {
            throw new IllegalArgumentException(what + " must be non-negative and not empty");
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(values));
    }

    /**
     * What to assume when a ruleset does not report its conditions: the buckets of the baseline
     * vocabulary (no subject, some, more than the threshold; no history, history at and above the
     * thresholds), and a note that this is an assumption.
     */
    public static RequestConditions assumed(Policy policy) {
        int subjects = policy.subjectThreshold();
        return new RequestConditions(new TreeSet<>(List.of(0, 1, subjects + 1)), new TreeSet<>(),
                List.of("the ruleset does not report what its conditions compare the subject count, unit and"
                        + " history with; the subject counts 0, 1 and " + (subjects + 1) + " are assumed"),
                new TreeSet<>(List.of(0, policy.requestThreshold())),
                new TreeSet<>(List.of(0, Math.min(100, policy.coverageThreshold() + 1))));
    }
}
