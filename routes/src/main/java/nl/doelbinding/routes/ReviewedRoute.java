package nl.doelbinding.routes;

import java.util.List;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code direct:reviewed}: after a review's re-dispatch, hands the final decision to the channels that must hear
 * of it (the queue channel's reply address, the file drop's outbox); each looks up whether the request came its
 * way. Once every channel has taken it, the review's replies are no longer owed ({@link OwedReviewReplies}).
 */
public final class ReviewedRoute extends RouteBuilder {
    private final List<Processor> replies;
    private final OwedReviewReplies owed;

    public ReviewedRoute(List<Processor> replies, OwedReviewReplies owed) {
        this.replies = List.copyOf(replies);
        this.owed = owed;
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());
        var route = from(Endpoints.REVIEWED).routeId("reviewed");
        replies.forEach(route::process);
        route.process(new RepliesTaken(owed));
    }
}
