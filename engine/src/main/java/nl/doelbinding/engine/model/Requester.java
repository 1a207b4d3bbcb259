package nl.doelbinding.engine.model;

import java.util.Objects;
import java.util.Set;

/**
 * Who asks, as established from a verified token (never from the request body).
 *
 * @param subject the token subject (user or service account id)
 * @param client  the OAuth client that obtained the token
 * @param roles   realm roles
 * @param unit    the organisational unit, such as {@code AVIM-Noord}
 */
public record Requester(String subject, String client, Set<String> roles, String unit) {
    public Requester {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(client, "client");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(unit, "unit");
    }
}
