package nl.doelbinding.server.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/** Fetches the JWKS from the realm's {@code jwks_uri} with the JDK HTTP client. */
final class HttpJwksSource implements JwksSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI jwksUri;
    private final HttpClient http;

    HttpJwksSource(URI jwksUri) {
        this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String fetch() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(jwksUri).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("JWKS " + jwksUri + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching JWKS " + jwksUri, e);
        }
    }

    @Override
    public String toString() {
        return jwksUri.toString();
    }
}
