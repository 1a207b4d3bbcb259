package nl.doelbinding.routes.amqp;

import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.routes.Exchanges;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Refuses a queued request whose reply address the authenticated police system may not use ({@link ReplySpace}):
 * its decision would reach whoever reads that address. Runs after authentication, before anything is decided.
 */
final class RequireOwnReplyAddress implements Processor {
    private final ReplySpace space;

    RequireOwnReplyAddress(ReplySpace space) {
        this.space = space;
    }

    @Override
    public void process(Exchange exchange) {
        Requester requester = exchange.getProperty(Exchanges.REQUESTER, Requester.class);
        if (requester == null) {
            throw new IllegalStateException("the reply address is checked before the requester is known");
        }
        if (!space.allows(requester.client(), ReadReplyAddress.of(exchange).address())) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, space.rule(requester.client()));
        }
    }
}
