package nl.doelbinding.engine.catalogue;

/**
 * Policy thresholds ([P] in the legal catalogue) that rules refer to by name, so that changing a
 * threshold never means editing rule text. All three volume thresholds are legal catalogue R8.
 *
 * @param subjectThreshold  more named subjects than this in one request is a volume request
 * @param requestThreshold  more requests than this by one unit within the window is a volume request
 * @param coverageThreshold a unit's requests within the window naming more than this percentage of one
 *                          location's residents is a volume request
 * @param windowDays        the window of the two thresholds above, in days
 */
public record Policy(int subjectThreshold, int requestThreshold, int coverageThreshold, int windowDays) {
    /** The catalogue's suggested start (R8: M=20 requests in 30 days, X=10%), for a policy that names no value. */
    public static final int SUGGESTED_REQUEST_THRESHOLD = 20;
    public static final int SUGGESTED_COVERAGE_THRESHOLD = 10;
    public static final int SUGGESTED_WINDOW_DAYS = 30;

    public Policy {
        if (subjectThreshold < 1) {
            throw new IllegalArgumentException("subjectThreshold must be at least 1");
        }
        if (requestThreshold < 1) {
            throw new IllegalArgumentException("requestThreshold must be at least 1");
        }
        if (coverageThreshold < 0 || coverageThreshold > 100) {
            throw new IllegalArgumentException("coverageThreshold is a percentage from 0 to 100");
        }
        if (windowDays < 1) {
            throw new IllegalArgumentException("windowDays must be at least 1");
        }
    }
}
