package nl.doelbinding.routes.amqp;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Reads where the decision must go: the message's reply-to (or the application property {@code replyTo}), else the
 * default reply queue; and its correlation id (or the application property {@code correlationId}), else the
 * request's own message id, as JMS request/reply does.
 */
final class ReadReplyAddress implements Processor {
    static final String PROPERTY = "doelbinding.replyAddress";

    private final String defaultReplyQueue;

    ReadReplyAddress(String defaultReplyQueue) {
        this.defaultReplyQueue = defaultReplyQueue;
    }

    @Override
    public void process(Exchange exchange) throws JMSException {
        Message in = exchange.getIn();
        String address = name(in.getHeader("JMSReplyTo"))
                .or(() -> text(in, "replyTo"))
                .orElse(defaultReplyQueue);
        Optional<String> correlationId = text(in, "JMSCorrelationID").or(() -> text(in, "correlationId"))
                .or(() -> text(in, "JMSMessageID"));
        exchange.setProperty(PROPERTY, new ReplyAddress(address, correlationId));
    }

    static ReplyAddress of(Exchange exchange) {
        ReplyAddress address = exchange.getProperty(PROPERTY, ReplyAddress.class);
        if (address == null) {
            throw new IllegalStateException("a queued request has no reply address");
        }
        return address;
    }

    private static Optional<String> name(Object destination) throws JMSException {
        if (destination instanceof Queue queue) {
            return Optional.ofNullable(queue.getQueueName());
        }
        if (destination instanceof Topic topic) {
            return Optional.ofNullable(topic.getTopicName());
        }
        if (destination instanceof Destination || destination == null) {
            return Optional.empty();
        }
        return Optional.of(destination.toString());
    }

    private static Optional<String> text(Message in, String header) {
        String value = in.getHeader(header, String.class);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
