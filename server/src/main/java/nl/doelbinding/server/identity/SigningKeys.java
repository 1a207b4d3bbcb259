package nl.doelbinding.server.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The realm's signing keys, cached. A token signed with a key id not in the cache triggers a
 * re-fetch (Keycloak rotated its keys), but at most once per {@code minRefetchInterval}, so a
 * stream of tokens with made-up key ids cannot make this server hammer the identity provider.
 */
final class SigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    private final JwksSource source;
    private final Clock clock;
    private final Duration minRefetchInterval;

    private volatile Map<String, SigningKey> byKid = Map.of();
    private Instant lastFetch;          // guarded by this
    private IOException lastFailure;    // guarded by this

    SigningKeys(JwksSource source, Clock clock, Duration minRefetchInterval) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.minRefetchInterval = Objects.requireNonNull(minRefetchInterval, "minRefetchInterval");
    }

    /**
     * The key with this id, re-fetching the JWKS if it is unknown and the last fetch is long enough ago.
     *
     * @throws SigningKeysUnavailableException the JWKS could not be fetched, so "unknown" cannot be told
     */
    Optional<SigningKey> find(String kid) {
        SigningKey key = byKid.get(kid);
        if (key != null) {
            return Optional.of(key);
        }
        synchronized (this) {
            key = byKid.get(kid);     // another thread may just have fetched it
            if (key != null) {
                return Optional.of(key);
            }
            Instant now = clock.instant();
            if (lastFetch == null || !now.isBefore(lastFetch.plus(minRefetchInterval))) {
                refresh(now);
            } else {
                LOG.debug("Unknown key id; JWKS fetched {} ago, not re-fetching yet", Duration.between(lastFetch, now));
            }
            if (lastFailure != null) {
                throw new SigningKeysUnavailableException("cannot fetch the signing keys from " + source, lastFailure);
            }
            return Optional.ofNullable(byKid.get(kid));
        }
    }

    private void refresh(Instant now) {
        lastFetch = now;
        try {
            List<SigningKey> keys = JwksDocument.parse(source.fetch());
            byKid = keys.stream().collect(Collectors.toUnmodifiableMap(SigningKey::kid, Function.identity(), (a, b) -> a));
            lastFailure = null;
            LOG.info("Fetched {} signing key(s) from {}", keys.size(), source);
        } catch (IOException | RuntimeException e) {
            lastFailure = e instanceof IOException io ? io : new IOException(e);
            LOG.warn("Fetching the signing keys from {} failed: {}", source, e.toString());
        }
    }
}
