package nl.doelbinding.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.doelbinding.server.identity.TokenRejectedException.Reason;

/** Remembered tokens, against the real verifier and tokens signed here: it saves work, never a check. */
class CachingTokenVerifierTest {
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final KeyPair RSA = TestJwt.rsaKeyPair();

    private JwksFixture jwks;
    private MutableClock clock;
    private CachingTokenVerifier verifier;
    private final AtomicInteger signatureChecks = new AtomicInteger();

    @BeforeEach
    void realm() throws Exception {
        jwks = new JwksFixture().publish("rsa-1", "RS256", RSA.getPublic());
        clock = new MutableClock(KeycloakTokenVerifierTest.NOW);
        verifier = caching(2);
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    private CachingTokenVerifier caching(int maxEntries) {
        KeycloakTokenVerifier real = new KeycloakTokenVerifier(KeycloakTokenVerifier.Settings
                .forIssuer(KeycloakTokenVerifierTest.ISSUER).withClockSkew(SKEW), new HttpJwksSource(jwks.uri()), clock);
        AccessTokenVerifier counted = token -> {
            signatureChecks.incrementAndGet();
            return real.verify(token);
        };
        return new CachingTokenVerifier(counted, clock, SKEW, maxEntries);
    }

    private static String token(String subject) {
        Map<String, Object> claims = KeycloakTokenVerifierTest.claims();
        claims.put("sub", subject);
        return TestJwt.sign(TestJwt.header("RS256", "rsa-1"), claims, RSA.getPrivate());
    }

    @Test
    void aTokenSentAgainIsCheckedOnceAndGivesTheSameIdentity() throws Exception {
        String token = token("officer-1");
        VerifiedIdentity first = verifier.verify(token);

        assertThat(verifier.verify(token)).isEqualTo(first);
        assertThat(first.subject()).isEqualTo("officer-1");
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() throws Exception {
        String token = token("officer-1");
        verifier.verify(token);

        clock.advance(Duration.ofSeconds(300).plus(SKEW)); // exp is NOW + 300

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(TokenRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
    }

    @Test
    void aTokenThatDiffersInOneCharacterFromARememberedOneIsCheckedAndRefused() throws Exception {
        String token = token("officer-1");
        verifier.verify(token);
        int at = token.lastIndexOf('.') + 5;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);

        assertThatThrownBy(() -> verifier.verify(tampered)).isInstanceOfSatisfying(TokenRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SIGNATURE));
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        String unknownKey = TestJwt.sign(TestJwt.header("RS256", "rsa-9"), KeycloakTokenVerifierTest.claims(),
                RSA.getPrivate());

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> verifier.verify(unknownKey)).isInstanceOfSatisfying(TokenRejectedException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SIGNING_KEY));
        }
    }

    @Test
    void pastItsBoundItForgetsAndChecksAgain() throws Exception {
        String a = token("officer-a");
        verifier.verify(a);
        verifier.verify(token("officer-b"));
        verifier.verify(token("officer-c")); // third token: the two remembered ones are dropped

        assertThat(verifier.verify(a).subject()).isEqualTo("officer-a");
        assertThat(signatureChecks).hasValue(4);
    }
}
