package nl.doelbinding.routes.amqp;

import java.util.Objects;

/**
 * The queue channel's settings (api.md section 5).
 *
 * @param component           the Camel component bound to the broker (an {@code AMQPComponent} with a pooled factory)
 * @param requestQueue        where requests arrive ({@code doelbinding.requests})
 * @param replyQueue          the default reply address ({@code doelbinding.decisions})
 * @param deadLetterQueue     where unparseable, unauthenticated and invalid messages go ({@code doelbinding.requests.DLQ})
 * @param concurrentConsumers how many messages are decided at once
 * @param maxDeliveryAttempts how often a message that failed for a passing reason is tried before it is dead-lettered
 * @param maxBodyBytes        the largest request body accepted, as on HTTP
 * @param replies             which reply addresses each police system may use
 */
public record AmqpSettings(String component, String requestQueue, String replyQueue, String deadLetterQueue,
                           int concurrentConsumers, int maxDeliveryAttempts, int maxBodyBytes, ReplySpace replies) {
    public AmqpSettings {
        Objects.requireNonNull(component, "component");
        ReplyAddress.requireValidAddress(requestQueue);
        ReplyAddress.requireValidAddress(replyQueue);
        ReplyAddress.requireValidAddress(deadLetterQueue);
        Objects.requireNonNull(replies, "replies");
        if (!replies.sharedDefault().equals(replyQueue)) {
            throw new IllegalArgumentException("the reply space's shared default must be the default reply queue");
        }
        if (concurrentConsumers < 1 || maxDeliveryAttempts < 1 || maxBodyBytes < 1) {
            throw new IllegalArgumentException("consumers, delivery attempts and body limit must be positive");
        }
    }

    String consumerUri() {
        // Local JMS transaction of the listener's session: the reply or dead letter is sent in the same session, and
        // the request is acknowledged only when the route completes (after the decision's database commit).
        return component + ":queue:" + requestQueue + "?transacted=true&lazyCreateTransactionManager=false"
                + "&cacheLevelName=CACHE_CONSUMER&disableReplyTo=true&errorHandlerLogStackTrace=false"
                + "&concurrentConsumers=" + concurrentConsumers
                + "&maxConcurrentConsumers=" + concurrentConsumers;
    }

    /** The reply producer: the destination is chosen per message by the {@code CamelJmsDestinationName} header. */
    String replyUri() {
        return component + ":queue:" + replyQueue;
    }

    String deadLetterUri() {
        return component + ":queue:" + deadLetterQueue;
    }
}
