package nl.doelbinding.routes.amqp;

import java.util.Optional;
import nl.doelbinding.engine.port.StoredDecision;
import nl.doelbinding.routes.Exchanges;
import nl.doelbinding.routes.LazyProducer;
import nl.doelbinding.routes.flow.DecisionOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the final decision after a legal review to the reply address the queued request named, with its
 * correlation id. The reviewer's exchange is left as it is: the reply is a copy. The review is already committed,
 * so a failure to send is an operator alert, not a failed review: the reply stays owed and is sent again
 * ({@link nl.doelbinding.routes.OwedReviewReplies}); the final decision is also available on
 * {@code GET /api/v1/requests/{requestId}}.
 */
public final class ReviewReplies implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewReplies.class);

    private final AmqpSettings settings;
    private final ReplyAddresses addresses;
    private final LazyProducer producer = new LazyProducer();

    public ReviewReplies(AmqpSettings settings, ReplyAddresses addresses) {
        this.settings = settings;
        this.addresses = addresses;
    }

    @Override
    public void process(Exchange exchange) {
        DecisionOutcome outcome = exchange.getProperty(Exchanges.OUTCOME, DecisionOutcome.class);
        StoredDecision stored = outcome.stored();
        Optional<ReplyAddress> address = addresses.find(stored.client(), stored.requestId());
        if (address.isEmpty()) {
            return;
        }
        String body = exchange.getMessage().getBody(String.class);
        Exchange sent = producer.of(exchange).send(settings.replyUri(),
                reply -> DecisionReply.prepare(reply.getMessage(), outcome, address.get(), body));
        if (sent.getException() != null) {
            exchange.setProperty(Exchanges.REPLY_OWED, true);
            LOG.error("ALERT: the final decision on request {} could not be sent to its reply address ({});"
                    + " it stays owed and is sent again", stored.requestId(), sent.getException().getClass().getName());
        }
    }
}
