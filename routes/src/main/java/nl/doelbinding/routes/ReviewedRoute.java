package nl.doelbinding.routes;

import java.util.Optional;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code direct:reviewed}: after a review's re-dispatch, hands the final decision to the channel that must hear
 * of it (the queue channel's reply address); without such a channel it does nothing.
 */
public final class ReviewedRoute extends RouteBuilder {
    private final Optional<Processor> replies;

    public ReviewedRoute(Optional<Processor> replies) {
        this.replies = replies;
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());
        var route = from(Endpoints.REVIEWED).routeId("reviewed");
        if (replies.isPresent()) {
            route.process(replies.get());
        } else {
            route.log(org.apache.camel.LoggingLevel.DEBUG, "no channel waits for reviewed decisions");
        }
    }
}
