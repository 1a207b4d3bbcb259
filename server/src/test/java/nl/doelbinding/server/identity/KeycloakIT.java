package nl.doelbinding.server.identity;

import nl.doelbinding.routes.auth.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.server.identity.TokenRejectedException.Reason;

/** The realm file, the launcher and the verifier against the real Keycloak. */
@ExtendWith(RealKeycloak.class)
class KeycloakIT {

    private static KeycloakServer keycloak;
    private static TokenClient tokens;
    private static AccessTokenVerifier verifier;

    @BeforeAll
    static void connect(KeycloakServer server) {
        keycloak = server;
        tokens = new TokenClient(server.tokenEndpoint());
        verifier = KeycloakTokenVerifier.create(KeycloakTokenVerifier.Settings.forIssuer(server.issuer()), server.jwksUri());
    }

    @Test
    void discoveryNamesTheConfiguredIssuerAndEndpoints() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(keycloak.issuer() + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode discovery = new ObjectMapper().readTree(response.body());
        assertThat(discovery.path("issuer").asText()).isEqualTo(keycloak.issuer());
        assertThat(discovery.path("token_endpoint").asText()).isEqualTo(keycloak.tokenEndpoint().toString());
        assertThat(discovery.path("jwks_uri").asText()).isEqualTo(keycloak.jwksUri().toString());
    }

    @Test
    void policeDemoServiceAccountIsAPoliceRequesterOfDemoEenheid() throws Exception {
        VerifiedIdentity identity = verifier.verify(tokens.clientCredentials("police-demo", "police-demo-secret"));

        assertThat(identity.client()).isEqualTo("police-demo");
        assertThat(identity.unit()).isEqualTo("Demo-Eenheid");
        assertThat(identity.roles()).containsExactly(Role.POLICE_REQUESTER);
        assertThat(identity.subject()).isNotBlank();
        Requester requester = identity.toRequester();
        assertThat(requester.client()).isEqualTo("police-demo");
        assertThat(requester.unit()).isEqualTo("Demo-Eenheid");
        assertThat(requester.roles()).contains("police-requester");
    }

    @Test
    void policeOtherHasItsOwnUnitAndSubject() throws Exception {
        VerifiedIdentity other = verifier.verify(tokens.clientCredentials("police-other", "police-other-secret"));
        VerifiedIdentity demo = verifier.verify(tokens.clientCredentials("police-demo", "police-demo-secret"));

        assertThat(other.client()).isEqualTo("police-other");
        assertThat(other.unit()).isEqualTo("Andere-Eenheid");
        assertThat(other.roles()).containsExactly(Role.POLICE_REQUESTER);
        assertThat(other.subject()).isNotEqualTo(demo.subject());
    }

    @Test
    void auditorLogsInThroughTheConsoleClient() throws Exception {
        VerifiedIdentity auditor = verifier.verify(tokens.password("auditor", "demo"));

        assertThat(auditor.client()).isEqualTo("console");
        assertThat(auditor.roles()).containsExactly(Role.AUDITOR);
        assertThat(auditor.hasRole(Role.POLICE_REQUESTER)).isFalse();
        assertThat(auditor.unit()).isEqualTo("COA-Audit");
    }

    @ParameterizedTest
    @CsvSource({
        "author,    LEGAL_AUTHOR",
        "approver,  LEGAL_APPROVER",
        "approver2, LEGAL_APPROVER",
        "reviewer,  LEGAL_REVIEWER",
        "auditor,   AUDITOR",
        "admin,     ADMIN",
        "privacy,   PRIVACY_OFFICER",
    })
    void everyDemoUserHoldsExactlyItsRole(String username, Role role) throws Exception {
        VerifiedIdentity identity = verifier.verify(tokens.password(username, "demo"));

        assertThat(identity.roles()).containsExactly(role);
        assertThat(identity.unit()).startsWith("COA-");
    }

    @Test
    void nobodyIsAuthenticatedButHoldsNoRoleOfThisApplication() throws Exception {
        VerifiedIdentity nobody = verifier.verify(tokens.password("nobody", "demo"));

        assertThat(nobody.roles()).isEmpty();
        assertThat(nobody.unit()).isEqualTo("COA-Juridisch");
    }

    @Test
    void refreshAndIdTokensDoNotOpenTheApi() throws Exception {
        JsonNode response = tokens.passwordResponse("author", "demo");

        assertThatThrownBy(() -> verifier.verify(response.path("id_token").asText()))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AN_ACCESS_TOKEN));
        // Keycloak signs refresh tokens with an HMAC key.
        assertThatThrownBy(() -> verifier.verify(response.path("refresh_token").asText()))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED));
    }

    @Test
    void aVerifierForAnotherIssuerSpellingRefusesTheToken() throws Exception {
        String localhostIssuer = keycloak.issuer().replace("127.0.0.1", "localhost");
        AccessTokenVerifier strict = KeycloakTokenVerifier.create(KeycloakTokenVerifier.Settings.forIssuer(localhostIssuer), keycloak.jwksUri());

        String token = tokens.clientCredentials("police-demo", "police-demo-secret");

        assertThatThrownBy(() -> strict.verify(token))
                .isInstanceOfSatisfying(TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_ISSUER));
    }

    @Test
    void consoleAcceptsLoopbackRedirectsOnAnyPortOnly() throws Exception {
        assertThat(authorizationPage("http://127.0.0.1:43123/callback")).isEqualTo(200);
        assertThat(authorizationPage("https://evil.example/callback")).isEqualTo(400);
    }

    private static int authorizationPage(String redirectUri) throws Exception {
        String query = "client_id=console&response_type=code&scope=openid"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
        URI uri = URI.create(keycloak.issuer() + "/protocol/openid-connect/auth?" + query);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
