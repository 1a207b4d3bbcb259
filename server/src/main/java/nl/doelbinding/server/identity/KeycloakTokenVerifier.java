package nl.doelbinding.server.identity;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.keycloak.TokenVerifier;
import org.keycloak.common.VerificationException;
import org.keycloak.jose.jws.JWSHeader;
import org.keycloak.representations.AccessToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.doelbinding.server.identity.TokenRejectedException.Reason;

/**
 * Verifies Keycloak access tokens with keycloak-core's {@link TokenVerifier}: the signature
 * against the realm JWKS first, then the claims, so a forged token learns nothing about them.
 *
 * <p>A token without the unit claim is refused: rules and pseudonym keys depend on the unit,
 * and a client that lacks the mapper is misconfigured, so guessing a unit would fail open.
 */
public final class KeycloakTokenVerifier implements AccessTokenVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakTokenVerifier.class);

    /** Refuse absurdly long tokens before parsing them; Keycloak's are a few KiB. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;
    private static final ObjectMapper HEADER_READER = new ObjectMapper();

    /**
     * What a token must satisfy.
     *
     * @param issuer             the exact {@code iss}, e.g. {@code http://127.0.0.1:8080/realms/doelbinding}
     * @param audience           a value {@code aud} must contain
     * @param clockSkew          tolerance on {@code exp}, {@code nbf} and {@code iat}
     * @param unitClaim          the claim that carries the organisational unit
     * @param minRefetchInterval how often an unknown key id may trigger a JWKS fetch at most
     */
    public record Settings(String issuer, String audience, Duration clockSkew, String unitClaim, Duration minRefetchInterval) {

        public static final String DEFAULT_AUDIENCE = "doelbinding-api";
        public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
        public static final String DEFAULT_UNIT_CLAIM = "unit";
        public static final Duration DEFAULT_MIN_REFETCH_INTERVAL = Duration.ofSeconds(10);

        public Settings {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(clockSkew, "clockSkew");
            Objects.requireNonNull(unitClaim, "unitClaim");
            Objects.requireNonNull(minRefetchInterval, "minRefetchInterval");
            if (clockSkew.isNegative()) {
                throw new IllegalArgumentException("clockSkew must not be negative");
            }
        }

        /** The defaults for this issuer: audience {@code doelbinding-api}, 30 s skew, claim {@code unit}. */
        public static Settings forIssuer(String issuer) {
            return new Settings(issuer, DEFAULT_AUDIENCE, DEFAULT_CLOCK_SKEW, DEFAULT_UNIT_CLAIM, DEFAULT_MIN_REFETCH_INTERVAL);
        }

        public Settings withClockSkew(Duration skew) {
            return new Settings(issuer, audience, skew, unitClaim, minRefetchInterval);
        }

        public Settings withUnitClaim(String claim) {
            return new Settings(issuer, audience, clockSkew, claim, minRefetchInterval);
        }

        public Settings withMinRefetchInterval(Duration interval) {
            return new Settings(issuer, audience, clockSkew, unitClaim, interval);
        }
    }

    private final Settings settings;
    private final SigningKeys keys;
    private final Clock clock;

    KeycloakTokenVerifier(Settings settings, JwksSource jwks, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keys = new SigningKeys(jwks, clock, settings.minRefetchInterval());
    }

    /** A verifier that fetches the keys from {@code jwksUri}, e.g. {@code <issuer>/protocol/openid-connect/certs}. */
    public static KeycloakTokenVerifier create(Settings settings, URI jwksUri) {
        return new KeycloakTokenVerifier(settings, new HttpJwksSource(jwksUri), Clock.systemUTC());
    }

    @Override
    public VerifiedIdentity verify(String token) throws TokenRejectedException {
        try {
            return verifyOrThrow(token);
        } catch (TokenRejectedException e) {
            LOG.debug("Access token rejected: {}", e.safeReason());
            throw e;
        }
    }

    private VerifiedIdentity verifyOrThrow(String token) throws TokenRejectedException {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        // Before anything else: keycloak-core's header model cannot even represent most
        // algorithm names it does not know, so ask the raw header first.
        SignatureAlgorithm alg = SignatureAlgorithm.fromHeader(headerAlgorithm(token))
                .orElseThrow(() -> new TokenRejectedException(Reason.ALGORITHM_NOT_ALLOWED));
        TokenVerifier<AccessToken> verifier = TokenVerifier.create(token, AccessToken.class);
        JWSHeader header;
        AccessToken claims;
        try {
            header = verifier.getHeader();
            claims = verifier.getToken();
        } catch (VerificationException | RuntimeException e) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        if (header == null || claims == null || !alg.jwsName().equals(header.getRawAlgorithm())) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        SigningKey key = header.getKeyId() == null ? null : keys.find(header.getKeyId()).orElse(null);
        if (key == null || !key.supports(alg)) {
            throw new TokenRejectedException(Reason.UNKNOWN_SIGNING_KEY);
        }
        try {
            verifier.verifierContext(key.verifierFor(alg)).verifySignature();
        } catch (VerificationException | RuntimeException e) {
            throw new TokenRejectedException(Reason.INVALID_SIGNATURE);
        }
        return identityFrom(claims);
    }

    /** The {@code alg} of the JOSE header; the header is parsed again, fully, by keycloak-core. */
    private static String headerAlgorithm(String token) throws TokenRejectedException {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        try {
            JsonNode alg = HEADER_READER.readTree(Base64.getUrlDecoder().decode(token.substring(0, dot))).get("alg");
            if (alg == null || !alg.isTextual()) {
                throw new TokenRejectedException(Reason.MALFORMED);
            }
            return alg.asText();
        } catch (IOException | IllegalArgumentException e) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
    }

    private VerifiedIdentity identityFrom(AccessToken token) throws TokenRejectedException {
        // Refresh and ID tokens carry another "typ"; only access tokens open the API.
        if (!"Bearer".equals(token.getType())) {
            throw new TokenRejectedException(Reason.NOT_AN_ACCESS_TOKEN);
        }
        if (!settings.issuer().equals(token.getIssuer())) {
            throw new TokenRejectedException(Reason.WRONG_ISSUER);
        }
        String[] audience = token.getAudience();
        if (audience == null || Arrays.stream(audience).noneMatch(settings.audience()::equals)) {
            throw new TokenRejectedException(Reason.WRONG_AUDIENCE);
        }
        Instant expiresAt = checkValidityWindow(token);
        String subject = requireText(token.getSubject(), "sub");
        String client = requireText(token.getIssuedFor(), "azp");
        Object unit = token.getOtherClaims().get(settings.unitClaim());
        String unitText = requireText(unit instanceof String s ? s : null, settings.unitClaim());
        Set<String> roles = token.getRealmAccess() == null || token.getRealmAccess().getRoles() == null
                ? Set.of()
                : token.getRealmAccess().getRoles();
        return new VerifiedIdentity(subject, client, roles, unitText, expiresAt);
    }

    private Instant checkValidityWindow(AccessToken token) throws TokenRejectedException {
        long now = clock.instant().getEpochSecond();
        long skew = settings.clockSkew().toSeconds();
        Long exp = token.getExp();
        if (exp == null || exp <= 0) {
            throw TokenRejectedException.missingClaim("exp");
        }
        if (now >= exp + skew) {
            throw new TokenRejectedException(Reason.EXPIRED);
        }
        Long nbf = token.getNbf();
        if (nbf != null && nbf > 0 && now + skew < nbf) {
            throw new TokenRejectedException(Reason.NOT_YET_VALID);
        }
        Long iat = token.getIat();
        if (iat != null && iat > 0 && now + skew < iat) {
            throw new TokenRejectedException(Reason.NOT_YET_VALID);
        }
        return Instant.ofEpochSecond(exp);
    }

    private static String requireText(String value, String claim) throws TokenRejectedException {
        if (value == null || value.isBlank()) {
            throw TokenRejectedException.missingClaim(claim);
        }
        return value;
    }
}
