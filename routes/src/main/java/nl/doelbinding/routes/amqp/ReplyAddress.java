package nl.doelbinding.routes.amqp;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;

/**
 * Where the decision on a queued request goes: the {@code replyTo} address and the sender's {@code correlationId}.
 *
 * @param address       a queue address on the broker
 * @param correlationId the sender's correlation id, echoed on the reply; empty when it sent none
 */
public record ReplyAddress(String address, Optional<String> correlationId) {
    /** Queue names: letters, digits and {@code . _ - : /}, as AMQP brokers accept them; nothing to inject into a URI. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");
    private static final int MAX_CORRELATION_ID = 255;

    public ReplyAddress {
        requireValidAddress(address);
        Objects.requireNonNull(correlationId, "correlationId");
        if (correlationId.map(String::length).orElse(0) > MAX_CORRELATION_ID) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the correlationId is longer than "
                    + MAX_CORRELATION_ID + " characters");
        }
    }

    static String requireValidAddress(String address) {
        if (address == null || !ADDRESS.matcher(address).matches()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "the replyTo address must be 1 to 200 letters, digits or . _ - : /");
        }
        return address;
    }
}
