package nl.doelbinding.routes;

import java.time.Clock;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/**
 * Sends reviewed decisions that their channels have not taken yet ({@link OwedReviewReplies}) again, every
 * {@code retryAfter}: each goes through {@code direct:dispatch} and {@code direct:reviewed} as after its review,
 * once its review has been closed for at least {@code retryAfter} (so that the reviewer's own send goes first).
 * A channel may thus get a final decision twice, always the same stored decision (same request id and decision
 * id); it never gets none.
 */
public final class ReviewReplyRelayRoute extends RouteBuilder {
    private final ReviewReplyRelay relay;
    private final Duration retryAfter;

    public ReviewReplyRelayRoute(OwedReviewReplies owed, Duration retryAfter, Clock clock) {
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("the review reply retry interval (reviewReplyRetrySeconds) must be"
                    + " positive, not " + retryAfter.toSeconds() + " s");
        }
        this.relay = new ReviewReplyRelay(owed, retryAfter, clock);
        this.retryAfter = retryAfter;
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());
        from("timer:review-replies?delay=" + retryAfter.toMillis() + "&period=" + retryAfter.toMillis())
                .routeId("review-replies")
                .process(relay::due)
                .split(body())
                    .doTry()
                        .process(relay::prepare)
                        .to(Endpoints.DISPATCH)
                        .to(Endpoints.REVIEWED)
                    .doCatch(Exception.class)
                        .process(relay::failed)
                    .end()
                .end();
    }
}
