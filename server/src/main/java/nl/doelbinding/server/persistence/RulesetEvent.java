package nl.doelbinding.server.persistence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step in a ruleset version's history.
 *
 * @param version    the version
 * @param step       what happened
 * @param actor      who did it (a user, or {@code system:...} for the bootstrap and effective dates)
 * @param occurredAt when
 * @param detail     a short note (the checks' verdict, the version it replaced), never personal data
 */
public record RulesetEvent(int version, RulesetStep step, String actor, Instant occurredAt, Optional<String> detail) {
    public RulesetEvent {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(actor, "actor");
        occurredAt = Jdbc.millis(Objects.requireNonNull(occurredAt, "occurredAt"));
        detail = detail == null ? Optional.empty() : detail;
    }
}
