package nl.doelbinding.engine.ruleset;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a ruleset's request-level conditions compare the two open-ended request facts with: the number
 * of named subjects and the requester's unit. Every other request fact ranges over a finite set (the
 * catalogue's codes, flags), so with these values a verifier can enumerate every distinct request.
 *
 * @param subjectCounts subject counts with at least one from every class of counts the conditions can
 *                      tell apart (always 0, 1 and one above the volume threshold, plus every boundary a
 *                      condition draws)
 * @param unitValues    the units a condition names; empty when no condition looks at the unit
 * @param uncovered     conditions that compare these facts in a way the values above do not cover; when
 *                      not empty, enumerating the values is no proof
 */
public record RequestConditions(SortedSet<Integer> subjectCounts, SortedSet<String> unitValues,
                                List<String> uncovered) {
    public RequestConditions {
        subjectCounts = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(subjectCounts));
        unitValues = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(unitValues));
        uncovered = List.copyOf(uncovered);
        if (subjectCounts.isEmpty() || subjectCounts.first() < 0) {
            throw new IllegalArgumentException("subject counts must be non-negative and not empty");
        }
    }

    /**
     * What to assume when a ruleset does not report its conditions: the buckets of the baseline
     * vocabulary (no subject, some, more than the threshold), and a note that this is an assumption.
     */
    public static RequestConditions assumed(int subjectThreshold) {
        return new RequestConditions(new TreeSet<>(List.of(0, 1, subjectThreshold + 1)), new TreeSet<>(),
                List.of("the ruleset does not report what its conditions compare the subject count and unit"
                        + " with; the subject counts 0, 1 and " + (subjectThreshold + 1) + " are assumed"));
    }
}
