package nl.doelbinding.routes.amqp;

import nl.doelbinding.routes.problem.ProblemException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling of the queue channel in one place. A message that can never be decided (unparseable,
 * unauthenticated, forbidden, invalid, a conflicting replay, too large) goes to the dead-letter queue at once,
 * with the reason in its properties; so does one that failed for a passing reason (database or identity
 * provider down) on its last allowed delivery. Before that, a passing failure is retried here with a pause and
 * then rolled back, so the broker redelivers it. Nothing is acknowledged without a decision or a dead letter.
 */
public final class AmqpDeadLetters extends RouteConfigurationBuilder {
    public static final String ID = "amqp-dead-letters";

    private final AmqpSettings settings;

    public AmqpDeadLetters(AmqpSettings settings) {
        this.settings = settings;
    }

    @Override
    public void configuration() {
        DeadLetter deadLetter = new DeadLetter(settings.maxDeliveryAttempts());
        routeConfiguration(ID)
                .errorHandler(defaultErrorHandler().logExhausted(false).logRetryAttempted(false))
                .onException(Exception.class).onWhen(deadLetter::isFinal).handled(true).useOriginalMessage()
                    .logExhausted(false).logStackTrace(false)
                    .process(deadLetter)
                    .to(settings.deadLetterUri())
                .end()
                .onException(Exception.class).handled(false)
                    .maximumRedeliveries(2).redeliveryDelay(500).backOffMultiplier(2)
                    .logRetryAttempted(false).logExhausted(false).logStackTrace(false)
                    .process(deadLetter::rollBack)
                .end();
    }

    static Exception failure(Exchange exchange) {
        Exception failure = exchange.getException();
        return failure != null ? failure : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    static boolean permanent(Exception failure) {
        return failure instanceof ProblemException problem && switch (problem.type()) {
            case INVALID_REQUEST, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, PAYLOAD_TOO_LARGE -> true;
            case UNAVAILABLE -> false;
        };
    }
}
