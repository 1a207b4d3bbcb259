package nl.doelbinding.server.identity;

import nl.doelbinding.routes.auth.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import nl.doelbinding.engine.model.Requester;

/**
 * The caller as established from a verified access token.
 *
 * @param subject   the token subject ({@code sub}): a user id or a service-account user id
 * @param client    the client that obtained the token ({@code azp})
 * @param roleCodes every realm role in {@code realm_access.roles}, including Keycloak's own
 * @param unit      the organisational unit from the configured claim
 * @param expiresAt when the token expires ({@code exp})
 */
public record VerifiedIdentity(String subject, String client, Set<String> roleCodes, String unit, Instant expiresAt) {

    public VerifiedIdentity {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(client, "client");
        roleCodes = Set.copyOf(roleCodes);
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The roles of this application that the caller holds; unknown realm roles are left out. */
    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roleCodes.forEach(code -> Role.fromCode(code).ifPresent(roles::add));
        return roles;
    }

    public boolean hasRole(Role role) {
        return roleCodes.contains(role.code());
    }

    /** The engine's view of the caller. */
    public Requester toRequester() {
        return new Requester(subject, client, roleCodes, unit);
    }

    @Override
    public String toString() {
        // The subject identifies a person for console users: keep it out of logs.
        return "VerifiedIdentity[client=" + client + ", roles=" + roleCodes + ", unit=" + unit + "]";
    }
}
