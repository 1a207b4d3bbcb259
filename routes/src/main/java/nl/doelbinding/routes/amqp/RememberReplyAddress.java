package nl.doelbinding.routes.amqp;

import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.port.StoredDecision;
import nl.doelbinding.routes.Exchanges;
import nl.doelbinding.routes.flow.DecisionOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Records the reply address of an escalated request, so that the review's final decision reaches it too (only an
 * escalated request is ever reviewed, so no other needs one). It runs after
 * the decision is committed and before the message is acknowledged: a crash in between redelivers the message,
 * and the replay records the address then.
 */
final class RememberReplyAddress implements Processor {
    private final ReplyAddresses addresses;

    RememberReplyAddress(ReplyAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public void process(Exchange exchange) {
        StoredDecision stored = exchange.getProperty(Exchanges.OUTCOME, DecisionOutcome.class).stored();
        if (stored.overall() != OverallDecision.ESCALATED) {
            return;
        }
        addresses.remember(stored.client(), stored.requestId(), ReadReplyAddress.of(exchange));
    }
}
