package nl.doelbinding.engine.model;

/**
 * What the holder's own records say about the requester's earlier requests, for the volume rules of legal
 * catalogue R8 (AVG recital 31: requests by authorities should be occasional). The server counts it before
 * deciding and stores it with the request, so that a replay decides on the same facts (rules.md: rules read no
 * clock and call no service). It holds counts only, no personal data.
 *
 * @param earlierRequests  the requests of the same requesting unit in the policy's window before this one
 * @param locationCoverage the largest share, in whole percent rounded up, of one reception location's residents
 *                         that the unit's requests in the window named, this request's subjects included (requests
 *                         refused outright do not count)
 */
public record RequestHistory(int earlierRequests, int locationCoverage) {
    /** A first request: nothing earlier, no location covered. */
    public static final RequestHistory NONE = new RequestHistory(0, 0);

    public RequestHistory {
        if (earlierRequests < 0) {
            throw new IllegalArgumentException("earlierRequests must not be negative");
        }
        if (locationCoverage < 0 || locationCoverage > 100) {
            throw new IllegalArgumentException("locationCoverage is a percentage from 0 to 100");
        }
    }

    /** {@code covered} of {@code residents} as a whole percentage, rounded up: any share above X% is above X. */
    public static int percent(long covered, long residents) {
        if (residents <= 0 || covered <= 0) {
            return 0;
        }
        return (int) Math.min(100, (covered * 100 + residents - 1) / residents);
    }
}
