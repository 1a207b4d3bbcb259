package nl.doelbinding.server.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens that verified, until they expire, so that a client sending the same token with every request
 * pays for one signature check instead of one per request (an RSA check was a fifth of a decision's CPU).
 *
 * <p>Only successes are remembered, keyed by the whole token text (no hash that could collide). A remembered
 * token is accepted again only while it is within its validity window ({@code exp} plus the clock skew that
 * the verifier allows); its signature, issuer, audience and start of validity cannot change, because the token
 * cannot. A signing key withdrawn from the realm does not revoke tokens already seen; they stop working when
 * they expire (minutes, in Keycloak), as they would with any offline verifier that cached the key.
 */
public final class CachingTokenVerifier implements AccessTokenVerifier {
    private final AccessTokenVerifier verifier;
    private final Clock clock;
    private final Duration clockSkew;
    private final int maxEntries;
    private final Map<String, VerifiedIdentity> verified = new ConcurrentHashMap<>();

    /**
     * @param clockSkew  the tolerance on {@code exp} the wrapped verifier applies
     * @param maxEntries how many tokens to remember; past it, expired ones are dropped, then all
     */
    public CachingTokenVerifier(AccessTokenVerifier verifier, Clock clock, Duration clockSkew, int maxEntries) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public VerifiedIdentity verify(String token) throws TokenRejectedException {
        Instant now = clock.instant();
        VerifiedIdentity known = verified.get(token);
        if (known != null && stillValid(known, now)) {
            return known;
        }
        if (known != null) {
            verified.remove(token, known);
        }
        VerifiedIdentity identity = verifier.verify(token);
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(v -> !stillValid(v, now));
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(token, identity);
        return identity;
    }

    private boolean stillValid(VerifiedIdentity identity, Instant now) {
        return now.isBefore(identity.expiresAt().plus(clockSkew));
    }
}
