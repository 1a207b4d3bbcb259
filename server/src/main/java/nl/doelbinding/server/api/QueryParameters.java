package nl.doelbinding.server.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import nl.doelbinding.engine.io.ValidationError;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import org.apache.camel.Exchange;

/** Typed access to query parameters and path variables, with 400 problems naming the parameter. */
final class QueryParameters {
    private final Exchange exchange;

    QueryParameters(Exchange exchange) {
        this.exchange = exchange;
    }

    Optional<String> text(String name) {
        String value = exchange.getIn().getHeader(name, String.class);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    String required(String name) {
        return text(name).orElseThrow(() -> invalid(name, "is required"));
    }

    Optional<Instant> instant(String name) {
        try {
            return text(name).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be an ISO-8601 instant such as 2026-11-28T00:00:00Z");
        }
    }

    int integer(String name, int defaultValue, int min, int max) {
        try {
            int value = text(name).map(Integer::parseInt).orElse(defaultValue);
            if (value < min || value > max) {
                throw invalid(name, "must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a whole number");
        }
    }

    static ProblemException invalid(String name, String message) {
        return new ProblemException(ProblemType.INVALID_REQUEST, "parameter " + name + " " + message,
                List.of(new ValidationError(name, message)));
    }
}
