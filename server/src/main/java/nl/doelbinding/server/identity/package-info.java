/**
 * Identity: who is asking, established from a Keycloak access token that this server verifies
 * itself (signature against the realm JWKS, issuer, audience, validity window, allowed
 * algorithms), and the development Keycloak launcher used by tests and the demo.
 *
 * <p>Nothing here logs a token or a claim value that identifies a person.
 */
package nl.doelbinding.server.identity;
