package nl.doelbinding.server.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import nl.doelbinding.server.identity.TokenClient;

/** Real access tokens from the test Keycloak, fetched once a minute per caller (they live five minutes). */
final class Tokens {
    private static final Duration REUSE = Duration.ofSeconds(60);

    private record Fetched(String token, Instant at) {
    }

    private final TokenClient client;
    private final Map<Caller, Fetched> cache = new EnumMap<>(Caller.class);

    Tokens(TokenClient client) {
        this.client = client;
    }

    /** The caller's access token, or null for {@link Caller#ANONYMOUS}. */
    synchronized String of(Caller caller) {
        if (caller == Caller.ANONYMOUS) {
            return null;
        }
        Fetched fetched = cache.get(caller);
        if (fetched == null || fetched.at().plus(REUSE).isBefore(Instant.now())) {
            fetched = new Fetched(fetch(caller), Instant.now());
            cache.put(caller, fetched);
        }
        return fetched.token();
    }

    /** A fresh token response of a console user (access, refresh and ID token). */
    com.fasterxml.jackson.databind.JsonNode passwordResponse(Caller caller) {
        try {
            return client.passwordResponse(caller.login, caller.secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String fetch(Caller caller) {
        try {
            return caller.serviceAccount ? client.clientCredentials(caller.login, caller.secret)
                    : client.password(caller.login, caller.secret);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
