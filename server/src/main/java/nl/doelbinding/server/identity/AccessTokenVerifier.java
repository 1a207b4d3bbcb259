package nl.doelbinding.server.identity;

/**
 * Turns a bearer token into a verified identity, or refuses it. Every channel (HTTP, AMQP, file
 * drop) authenticates through this one port.
 */
public interface AccessTokenVerifier {

    /**
     * @param token the compact JWS from {@code Authorization: Bearer <token>}, without the prefix
     * @return the verified identity
     * @throws TokenRejectedException the token is not acceptable (answer 401)
     * @throws SigningKeysUnavailableException the keys could not be fetched, so no verdict is
     *         possible (answer 503: never let a request through in doubt)
     */
    VerifiedIdentity verify(String token) throws TokenRejectedException;
}
