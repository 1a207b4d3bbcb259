package nl.doelbinding.routes;

/** The endpoint URIs of the flow, and the configuration keys that override the outcome endpoints. */
public final class Endpoints {
    public static final String DECIDE = "direct:decide";
    public static final String DISPATCH = "direct:dispatch";
    public static final String REDACTION = "direct:redaction";
    public static final String ESCALATION = "direct:escalation";
    public static final String REJECTION = "direct:rejection";
    public static final String REVIEW_NOTICES = "seda:review-notices";
    /** After a review's re-dispatch: the final decision also goes back on the channel the request came in on. */
    public static final String REVIEWED = "direct:reviewed";

    /** Configuration keys (Camel properties) for the three outcome endpoints; defaults are the internal routes. */
    public static final String REDACTION_KEY = "doelbinding.endpoint.redaction";
    public static final String ESCALATION_KEY = "doelbinding.endpoint.escalation";
    public static final String REJECTION_KEY = "doelbinding.endpoint.rejection";

    private Endpoints() {
    }
}
