package nl.doelbinding.server.identity;

import nl.doelbinding.routes.auth.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.doelbinding.server.identity.TokenRejectedException.Reason;

/**
 * The verifier against tokens signed here with locally generated keys, served by an in-test JWKS
 * endpoint: the honest cases and the attacks.
 */
class KeycloakTokenVerifierTest {

    static final String ISSUER = "http://127.0.0.1:8080/realms/doelbinding";
    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private static KeyPair rsa;
    private static KeyPair otherRsa;
    private static KeyPair ec;

    private JwksFixture jwks;
    private MutableClock clock;
    private KeycloakTokenVerifier verifier;

    @BeforeAll
    static void keys() {
        rsa = TestJwt.rsaKeyPair();
        otherRsa = TestJwt.rsaKeyPair();
        ec = TestJwt.ecKeyPair();
    }

    @BeforeEach
    void realm() throws Exception {
        jwks = new JwksFixture()
                .publish("rsa-1", "RS256", rsa.getPublic())
                .publish("ec-1", "ES256", ec.getPublic())
                .publish("pss-1", "PS256", otherRsa.getPublic());
        clock = new MutableClock(NOW);
        verifier = verifier(KeycloakTokenVerifier.Settings.forIssuer(ISSUER));
    }

    @AfterEach
    void stop() {
        jwks.close();
    }

    private KeycloakTokenVerifier verifier(KeycloakTokenVerifier.Settings settings) {
        return new KeycloakTokenVerifier(settings, new HttpJwksSource(jwks.uri()), clock);
    }

    /** What Keycloak puts in a police service account's access token (the parts we read). */
    static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("exp", NOW.getEpochSecond() + 300);
        claims.put("iat", NOW.getEpochSecond() - 5);
        claims.put("jti", "trrtcc:4f1b6f0e");
        claims.put("iss", ISSUER);
        claims.put("aud", List.of("doelbinding-api", "account"));
        claims.put("sub", "5a0e2b5e-7d1c-4d0e-9c53-0f3a2a9e6c11");
        claims.put("typ", "Bearer");
        claims.put("azp", "police-demo");
        claims.put("realm_access", Map.of("roles", List.of("police-requester", "offline_access", "default-roles-doelbinding")));
        claims.put("scope", "profile email");
        claims.put("unit", "Demo-Eenheid");
        return claims;
    }

    private static String rs256(Map<String, Object> claims) {
        return TestJwt.sign(TestJwt.header("RS256", "rsa-1"), claims, rsa.getPrivate());
    }

    private void assertRejected(String token, Reason reason, String safeReason) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.safeReason()).isEqualTo(safeReason);
                });
    }

    // --- accepted ---

    @Test
    void acceptsAValidRs256TokenAndReadsTheRequester() throws Exception {
        VerifiedIdentity identity = verifier.verify(rs256(claims()));

        assertThat(identity.subject()).isEqualTo("5a0e2b5e-7d1c-4d0e-9c53-0f3a2a9e6c11");
        assertThat(identity.client()).isEqualTo("police-demo");
        assertThat(identity.roleCodes()).containsExactlyInAnyOrder("police-requester", "offline_access", "default-roles-doelbinding");
        assertThat(identity.roles()).containsExactly(Role.POLICE_REQUESTER);
        assertThat(identity.unit()).isEqualTo("Demo-Eenheid");
        assertThat(identity.expiresAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(identity.toRequester())
                .isEqualTo(new nl.doelbinding.engine.model.Requester("5a0e2b5e-7d1c-4d0e-9c53-0f3a2a9e6c11", "police-demo",
                        java.util.Set.of("police-requester", "offline_access", "default-roles-doelbinding"), "Demo-Eenheid"));
    }

    @Test
    void acceptsEs256() throws Exception {
        String token = TestJwt.sign(TestJwt.header("ES256", "ec-1"), claims(), ec.getPrivate());

        assertThat(verifier.verify(token).client()).isEqualTo("police-demo");
    }

    @Test
    void acceptsPs256() throws Exception {
        String token = TestJwt.sign(TestJwt.header("PS256", "pss-1"), claims(), otherRsa.getPrivate());

        assertThat(verifier.verify(token).unit()).isEqualTo("Demo-Eenheid");
    }

    @Test
    void acceptsASingleStringAudience() throws Exception {
        Map<String, Object> claims = claims();
        claims.put("aud", "doelbinding-api");

        assertThat(verifier.verify(rs256(claims)).client()).isEqualTo("police-demo");
    }

    @Test
    void readsTheUnitFromTheConfiguredClaim() throws Exception {
        Map<String, Object> claims = claims();
        claims.remove("unit");
        claims.put("eenheid", "AVIM-Noord");
        KeycloakTokenVerifier custom = verifier(KeycloakTokenVerifier.Settings.forIssuer(ISSUER).withUnitClaim("eenheid"));

        assertThat(custom.verify(rs256(claims)).unit()).isEqualTo("AVIM-Noord");
        assertRejected(rs256(claims), Reason.MISSING_CLAIM, "missing required claim: unit");
    }

    @Test
    void hasNoRolesWhenTheTokenCarriesNone() throws Exception {
        Map<String, Object> claims = claims();
        claims.remove("realm_access");

        assertThat(verifier.verify(rs256(claims)).roles()).isEmpty();
    }

    // --- validity window ---

    @Test
    void rejectsAnExpiredToken() {
        Map<String, Object> claims = claims();
        claims.put("exp", NOW.getEpochSecond() - 31);

        assertRejected(rs256(claims), Reason.EXPIRED, "token expired");
    }

    @Test
    void toleratesTheClockSkewAndNoMore() throws Exception {
        Map<String, Object> claims = claims();
        claims.put("exp", NOW.getEpochSecond() - 29);
        String token = rs256(claims);

        assertThat(verifier.verify(token).client()).isEqualTo("police-demo");
        clock.advance(Duration.ofSeconds(1));
        assertRejected(token, Reason.EXPIRED, "token expired");
        assertThatThrownBy(() -> verifier(KeycloakTokenVerifier.Settings.forIssuer(ISSUER).withClockSkew(Duration.ZERO)).verify(rs256(claims)))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));
    }

    @Test
    void rejectsATokenNotYetValid() {
        Map<String, Object> claims = claims();
        claims.put("nbf", NOW.getEpochSecond() + 60);

        assertRejected(rs256(claims), Reason.NOT_YET_VALID, "token not yet valid");
    }

    @Test
    void rejectsATokenIssuedInTheFuture() {
        Map<String, Object> claims = claims();
        claims.put("iat", NOW.getEpochSecond() + 60);

        assertRejected(rs256(claims), Reason.NOT_YET_VALID, "token not yet valid");
    }

    @Test
    void rejectsATokenWithoutExpiry() {
        Map<String, Object> claims = claims();
        claims.remove("exp");

        assertRejected(rs256(claims), Reason.MISSING_CLAIM, "missing required claim: exp");
    }

    // --- issuer, audience, type, claims ---

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1:8080/realms/other",
        "http://localhost:8080/realms/doelbinding",
        "http://127.0.0.1:8080/realms/doelbinding/",
        "https://127.0.0.1:8080/realms/doelbinding",
    })
    void rejectsAnyOtherIssuer(String issuer) {
        Map<String, Object> claims = claims();
        claims.put("iss", issuer);

        assertRejected(rs256(claims), Reason.WRONG_ISSUER, "wrong issuer");
    }

    @Test
    void rejectsAWrongOrMissingAudience() {
        Map<String, Object> claims = claims();
        claims.put("aud", List.of("account", "doelbinding-api-other"));
        assertRejected(rs256(claims), Reason.WRONG_AUDIENCE, "wrong audience");

        claims.remove("aud");
        assertRejected(rs256(claims), Reason.WRONG_AUDIENCE, "wrong audience");
    }

    @Test
    void rejectsRefreshAndIdTokens() {
        Map<String, Object> claims = claims();
        claims.put("typ", "Refresh");
        assertRejected(rs256(claims), Reason.NOT_AN_ACCESS_TOKEN, "not an access token");

        claims.put("typ", "ID");
        assertRejected(rs256(claims), Reason.NOT_AN_ACCESS_TOKEN, "not an access token");
    }

    @Test
    void rejectsATokenWithoutUnitSubjectOrClient() {
        for (String claim : List.of("unit", "sub", "azp")) {
            Map<String, Object> claims = claims();
            claims.remove(claim);
            assertRejected(rs256(claims), Reason.MISSING_CLAIM, "missing required claim: " + claim);
        }
        Map<String, Object> blankUnit = claims();
        blankUnit.put("unit", " ");
        assertRejected(rs256(blankUnit), Reason.MISSING_CLAIM, "missing required claim: unit");
        Map<String, Object> listUnit = claims();
        listUnit.put("unit", List.of("Demo-Eenheid", "Andere-Eenheid"));
        assertRejected(rs256(listUnit), Reason.MISSING_CLAIM, "missing required claim: unit");
    }

    // --- algorithms ---

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE"})
    void rejectsAlgNone(String alg) {
        assertRejected(TestJwt.unsigned(TestJwt.header(alg, "rsa-1"), claims()), Reason.ALGORITHM_NOT_ALLOWED, "algorithm not allowed");
        assertRejected(TestJwt.unsigned(TestJwt.header(alg, null), claims()), Reason.ALGORITHM_NOT_ALLOWED, "algorithm not allowed");
    }

    @Test
    void rejectsHs256SignedWithThePublicKeyAsSecret() {
        byte[] der = rsa.getPublic().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";

        assertRejected(TestJwt.hmac(TestJwt.header("HS256", "rsa-1"), claims(), der), Reason.ALGORITHM_NOT_ALLOWED, "algorithm not allowed");
        assertRejected(TestJwt.hmac(TestJwt.header("HS256", "rsa-1"), claims(), pem.getBytes(StandardCharsets.US_ASCII)),
                Reason.ALGORITHM_NOT_ALLOWED, "algorithm not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS384", "RS512", "ES384", "PS512", "HS512", "EdDSA", "rs256"})
    void rejectsAlgorithmsOutsideTheAllowList(String alg) {
        // Signed as RS256; the header is what an attacker controls.
        String token = TestJwt.sign(TestJwt.header("RS256", "rsa-1"), claims(), rsa.getPrivate());
        String[] parts = token.split("\\.");
        String forged = TestJwt.encode(TestJwt.header(alg, "rsa-1")) + "." + parts[1] + "." + parts[2];

        assertRejected(forged, Reason.ALGORITHM_NOT_ALLOWED, "algorithm not allowed");
    }

    @Test
    void usesAKeyOnlyForTheAlgorithmItDeclares() {
        // rsa-1 is published for RS256: a PS256 (or ES256) token naming it is refused.
        String pss = TestJwt.sign(TestJwt.header("PS256", "rsa-1"), claims(), rsa.getPrivate());
        String es = TestJwt.sign(TestJwt.header("ES256", "rsa-1"), claims(), ec.getPrivate());

        assertRejected(pss, Reason.UNKNOWN_SIGNING_KEY, "unknown signing key");
        assertRejected(es, Reason.UNKNOWN_SIGNING_KEY, "unknown signing key");
    }

    @Test
    void aKeyWithoutDeclaredAlgorithmStillNeedsTheRightKeyType() throws Exception {
        jwks.publish("rsa-any", null, rsa.getPublic());

        assertThat(verifier.verify(TestJwt.sign(TestJwt.header("PS256", "rsa-any"), claims(), rsa.getPrivate())).client())
                .isEqualTo("police-demo");
        assertRejected(TestJwt.sign(TestJwt.header("ES256", "rsa-any"), claims(), ec.getPrivate()),
                Reason.UNKNOWN_SIGNING_KEY, "unknown signing key");
    }

    // --- signatures and keys ---

    @Test
    void rejectsATamperedPayload() {
        String token = rs256(claims());
        Map<String, Object> elevated = claims();
        elevated.put("realm_access", Map.of("roles", List.of("police-requester", "admin")));

        assertRejected(TestJwt.withPayload(token, elevated), Reason.INVALID_SIGNATURE, "invalid signature");
    }

    @Test
    void rejectsASignatureByAnotherKeyUnderAKnownKid() {
        assertRejected(TestJwt.sign(TestJwt.header("RS256", "rsa-1"), claims(), otherRsa.getPrivate()),
                Reason.INVALID_SIGNATURE, "invalid signature");
        assertRejected(TestJwt.sign(TestJwt.header("ES256", "ec-1"), claims(), TestJwt.ecKeyPair().getPrivate()),
                Reason.INVALID_SIGNATURE, "invalid signature");
    }

    @Test
    void rejectsATruncatedSignature() {
        String token = rs256(claims());

        assertRejected(token.substring(0, token.length() - 10), Reason.INVALID_SIGNATURE, "invalid signature");
    }

    @Test
    void rejectsAnUnknownKidAndRefetchesAtMostOncePerInterval() throws Exception {
        assertThat(verifier.verify(rs256(claims())).client()).isEqualTo("police-demo");
        assertThat(jwks.fetches()).isEqualTo(1);

        KeyPair rotated = TestJwt.rsaKeyPair();
        String fromRotatedKey = TestJwt.sign(TestJwt.header("RS256", "rsa-2"), claims(), rotated.getPrivate());
        jwks.publish("rsa-2", "RS256", rotated.getPublic());

        // Within 10 s of the last fetch: no new fetch, however many unknown kids arrive.
        clock.advance(Duration.ofSeconds(9));
        for (int i = 0; i < 5; i++) {
            assertRejected(fromRotatedKey, Reason.UNKNOWN_SIGNING_KEY, "unknown signing key");
            assertRejected(TestJwt.sign(TestJwt.header("RS256", "made-up-" + i), claims(), rsa.getPrivate()),
                    Reason.UNKNOWN_SIGNING_KEY, "unknown signing key");
        }
        assertThat(jwks.fetches()).isEqualTo(1);

        // Then one re-fetch picks up the rotated key; known kids never cause a fetch.
        clock.advance(Duration.ofSeconds(1));
        assertThat(verifier.verify(fromRotatedKey).client()).isEqualTo("police-demo");
        assertThat(verifier.verify(rs256(claims())).client()).isEqualTo("police-demo");
        assertThat(jwks.fetches()).isEqualTo(2);
        assertRejected(TestJwt.sign(TestJwt.header("RS256", "made-up"), claims(), rsa.getPrivate()),
                Reason.UNKNOWN_SIGNING_KEY, "unknown signing key");
        assertThat(jwks.fetches()).isEqualTo(2);
    }

    @Test
    void rejectsATokenWithoutKid() {
        assertRejected(TestJwt.sign(TestJwt.header("RS256", null), claims(), rsa.getPrivate()),
                Reason.UNKNOWN_SIGNING_KEY, "unknown signing key");
    }

    @Test
    void ignoresEncryptionKeysAndUnsupportedKeyTypesInTheJwks() throws Exception {
        jwks.publishRaw(Map.of("kid", "enc-1", "kty", "RSA", "use", "enc", "alg", "RSA-OAEP", "n", "AQAB", "e", "AQAB"))
                .publishRaw(Map.of("kid", "okp-1", "kty", "OKP", "crv", "Ed25519", "x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"))
                .publishRaw(Map.of("kid", "broken", "kty", "EC", "crv", "P-256", "x", "AA"));

        assertThat(verifier.verify(rs256(claims())).client()).isEqualTo("police-demo");
        assertRejected(TestJwt.sign(TestJwt.header("RS256", "enc-1"), claims(), rsa.getPrivate()),
                Reason.UNKNOWN_SIGNING_KEY, "unknown signing key");
    }

    @Test
    void saysTheKeysAreUnavailableWhenTheJwksCannotBeFetched() throws Exception {
        jwks.answer(503);

        assertThatThrownBy(() -> verifier.verify(rs256(claims()))).isInstanceOf(SigningKeysUnavailableException.class);
        // Within the interval it does not retry, and still refuses to guess.
        assertThatThrownBy(() -> verifier.verify(rs256(claims()))).isInstanceOf(SigningKeysUnavailableException.class);
        assertThat(jwks.fetches()).isEqualTo(1);

        jwks.answer(200);
        clock.advance(Duration.ofSeconds(10));
        assertThat(verifier.verify(rs256(claims())).client()).isEqualTo("police-demo");
        assertThat(jwks.fetches()).isEqualTo(2);
    }

    // --- garbage ---

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "garbage", "a.b.c", "a.b", "...", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", "Bearer x.y.z"})
    void rejectsGarbage(String token) {
        assertRejected(token, Reason.MALFORMED, "malformed token");
    }

    @Test
    void rejectsNullAndOversizedTokens() {
        assertRejected(null, Reason.MALFORMED, "malformed token");
        Map<String, Object> claims = claims();
        claims.put("padding", "x".repeat(KeycloakTokenVerifier.MAX_TOKEN_LENGTH));
        assertRejected(rs256(claims), Reason.MALFORMED, "malformed token");
    }
}
