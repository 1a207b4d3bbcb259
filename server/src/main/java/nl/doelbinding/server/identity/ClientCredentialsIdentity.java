package nl.doelbinding.server.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.routes.auth.RequesterAuthenticator;
import nl.doelbinding.routes.auth.Role;
import nl.doelbinding.routes.file.BatchIdentity;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;

/**
 * A file-drop binding's identity: a token of the binding's Keycloak client (client-credentials grant), verified
 * by the same authenticator as every bearer token and holding {@code police-requester}. Fetched per batch, so a
 * disabled client or a revoked role stops its batches at once.
 */
public final class ClientCredentialsIdentity implements BatchIdentity {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI tokenEndpoint;
    private final String clientId;
    private final String clientSecret;
    private final RequesterAuthenticator authenticator;

    public ClientCredentialsIdentity(URI tokenEndpoint, String clientId, String clientSecret,
                                     RequesterAuthenticator authenticator) {
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.authenticator = authenticator;
    }

    @Override
    public Requester requester() {
        Requester requester = authenticator.authenticate("Bearer " + token());
        Role.requireAny(requester, Role.POLICE_REQUESTER);
        return requester;
    }

    private String token() {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(clientSecret);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "the identity provider cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(ProblemType.UNAVAILABLE, "interrupted while fetching the binding's token");
        }
        if (response.statusCode() / 100 == 4) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "the identity provider refused the credentials of"
                    + " client " + clientId + " (HTTP " + response.statusCode() + ")");
        }
        if (response.statusCode() != 200) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "the identity provider answered HTTP "
                    + response.statusCode());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            String token = body.path("access_token").asText("");
            if (token.isEmpty()) {
                throw new ProblemException(ProblemType.UNAVAILABLE, "the identity provider sent no access token");
            }
            return token;
        } catch (IOException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "the identity provider's answer is not JSON");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
