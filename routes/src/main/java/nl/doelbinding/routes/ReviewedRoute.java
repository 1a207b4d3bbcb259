package nl.doelbinding.routes;

import java.util.List;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code direct:reviewed}: after a review's re-dispatch, hands the final decision to the channels that must hear
 * of it (the queue channel's reply address, the file drop's outbox); each looks up whether the request came its
 * way. Without such channels it does nothing.
 */
public final class ReviewedRoute extends RouteBuilder {
    private final List<Processor> replies;

    public ReviewedRoute(List<Processor> replies) {
        this.replies = List.copyOf(replies);
    }

    @Override
    public void configure() {
        errorHandler(noErrorHandler());
        var route = from(Endpoints.REVIEWED).routeId("reviewed");
        if (!replies.isEmpty()) {
            replies.forEach(route::process);
        } else {
            route.log(org.apache.camel.LoggingLevel.DEBUG, "no channel waits for reviewed decisions");
        }
    }
}
