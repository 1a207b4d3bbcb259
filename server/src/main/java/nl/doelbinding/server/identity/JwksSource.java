package nl.doelbinding.server.identity;

import java.io.IOException;

/** Where the JWKS document comes from: the realm's {@code jwks_uri} in production, a fixture in tests. */
@FunctionalInterface
interface JwksSource {

    /** The current JWKS document as JSON. */
    String fetch() throws IOException;
}
