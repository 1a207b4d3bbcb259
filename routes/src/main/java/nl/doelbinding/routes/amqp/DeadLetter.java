package nl.doelbinding.routes.amqp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.jms.JMSException;
import java.util.Optional;
import nl.doelbinding.engine.io.ValidationError;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a dead letter: the original body, the sender's correlation id, and the reason as application
 * properties ({@code errorType}, {@code errorStatus}, {@code errorDescription}, {@code errors} with the bad
 * properties); never the token. The operator log names the message id and the reason, never content.
 */
final class DeadLetter implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetter.class);

    private final int maxDeliveryAttempts;

    DeadLetter(int maxDeliveryAttempts) {
        this.maxDeliveryAttempts = maxDeliveryAttempts;
    }

    /** True when the message must go to the dead-letter queue now rather than be tried again. */
    boolean isFinal(Exchange exchange) {
        return AmqpDeadLetters.permanent(AmqpDeadLetters.failure(exchange)) || deliveryCount(exchange) >= maxDeliveryAttempts;
    }

    @Override
    public void process(Exchange exchange) {
        Exception failure = AmqpDeadLetters.failure(exchange);
        ProblemException problem = AmqpDeadLetters.permanent(failure) ? (ProblemException) failure
                : new ProblemException(ProblemType.UNAVAILABLE, "not decided after " + deliveryCount(exchange)
                        + " deliveries: the server could not decide safely (" + failureName(failure) + ")");
        Message message = exchange.getMessage();
        String messageId = message.getHeader("JMSMessageID", "none", String.class);
        Optional<String> correlationId = Optional.ofNullable(message.getHeader("JMSCorrelationID", String.class))
                .or(() -> Optional.ofNullable(message.getHeader("correlationId", String.class)));
        Object body = message.getBody();
        message.removeHeaders("*");
        correlationId.ifPresent(id -> message.setHeader("JMSCorrelationID", id));
        message.setHeader("originalMessageId", messageId);
        message.setHeader("errorType", problem.type().name());
        message.setHeader("errorStatus", problem.type().status());
        message.setHeader("errorDescription", problem.detail());
        if (!problem.errors().isEmpty()) {
            ArrayNode errors = JsonNodeFactory.instance.arrayNode();
            for (ValidationError error : problem.errors()) {
                errors.addObject().put("property", error.property()).put("message", error.message());
            }
            message.setHeader("errors", errors.toString());
        }
        message.setBody(body);
        LOG.warn("queued message {} dead-lettered: {} ({})", messageId, problem.type(), problem.detail());
    }

    /** A passing failure: roll back, so that the broker delivers the message again. */
    void rollBack(Exchange exchange) {
        LOG.warn("queued message {} failed on delivery {} of {} ({}); rolled back for redelivery",
                exchange.getIn().getHeader("JMSMessageID", "none", String.class), deliveryCount(exchange),
                maxDeliveryAttempts, failureName(AmqpDeadLetters.failure(exchange)));
    }

    /** JMSXDeliveryCount of the message: 1 on the first delivery. */
    static int deliveryCount(Exchange exchange) {
        JmsMessage jms = exchange.getIn(JmsMessage.class);
        if (jms != null && jms.getJmsMessage() != null) {
            try {
                if (jms.getJmsMessage().propertyExists("JMSXDeliveryCount")) {
                    return jms.getJmsMessage().getIntProperty("JMSXDeliveryCount");
                }
            } catch (JMSException e) {
                return 1;
            }
        }
        return exchange.getIn().getHeader("JMSXDeliveryCount", 1, Integer.class);
    }

    private static String failureName(Exception failure) {
        if (failure instanceof ProblemException problem) {
            return problem.type().name();
        }
        return failure == null ? "unknown" : failure.getClass().getSimpleName();
    }
}
