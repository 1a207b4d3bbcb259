package nl.doelbinding.server.channels;

/**
 * The broker as the server uses it: where it is, the queues of the queue channel, and the redelivery bound.
 *
 * @param host                  the embedded broker's listen address (loopback by default)
 * @param port                  the embedded broker's AMQP port (5673 by default: 5672 is often a system broker's)
 * @param requestQueue          where requests arrive
 * @param replyQueue            the default reply address
 * @param deadLetterQueue       the dead-letter queue
 * @param expiryQueue           where expired messages go
 * @param maxDeliveryAttempts   deliveries of a message before it is dead-lettered
 * @param redeliveryDelayMillis the broker's pause before a redelivery
 */
public record BrokerSettings(String host, int port, String requestQueue, String replyQueue, String deadLetterQueue,
                             String expiryQueue, int maxDeliveryAttempts, long redeliveryDelayMillis) {
}
