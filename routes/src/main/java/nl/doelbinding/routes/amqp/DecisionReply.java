package nl.doelbinding.routes.amqp;

import nl.doelbinding.routes.Exchanges;
import nl.doelbinding.routes.flow.DecisionOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns the outcome endpoint's document (the same JSON the HTTP channel answers with) into the reply message:
 * addressed by the {@code CamelJmsDestinationName} header, with the sender's correlation id and, as application
 * properties, the request id, the overall decision and whether it was a replay. Nothing else of the request
 * (least of all its token) travels along.
 */
final class DecisionReply implements Processor {
    static final String DESTINATION_HEADER = "CamelJmsDestinationName";

    @Override
    public void process(Exchange exchange) {
        DecisionOutcome outcome = exchange.getProperty(Exchanges.OUTCOME, DecisionOutcome.class);
        prepare(exchange.getMessage(), outcome, ReadReplyAddress.of(exchange), exchange.getMessage().getBody(String.class));
    }

    static void prepare(Message message, DecisionOutcome outcome, ReplyAddress address, String body) {
        message.removeHeaders("*");
        message.setHeader(DESTINATION_HEADER, address.address());
        address.correlationId().ifPresent(id -> message.setHeader("JMSCorrelationID", id));
        message.setHeader("requestId", outcome.stored().requestId());
        message.setHeader("decision", outcome.stored().overall().name());
        message.setHeader("replay", outcome.replay());
        message.setBody(body);
    }
}
