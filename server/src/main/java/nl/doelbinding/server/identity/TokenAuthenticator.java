package nl.doelbinding.server.identity;

import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.routes.auth.RequesterAuthenticator;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;

/**
 * The channels' authenticator: a bearer token verified against the realm. A bad token is a 401 with a
 * safe reason; signing keys that cannot be fetched make the server unable to decide safely (503).
 */
public final class TokenAuthenticator implements RequesterAuthenticator {
    private static final String BEARER = "Bearer ";
    private final AccessTokenVerifier verifier;

    public TokenAuthenticator(AccessTokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public Requester authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "no bearer token");
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "the Authorization header is not a bearer token");
        }
        try {
            return verifier.verify(authorization.substring(BEARER.length()).strip()).toRequester();
        } catch (TokenRejectedException e) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, e.safeReason());
        } catch (SigningKeysUnavailableException e) {
            throw new ProblemException(ProblemType.UNAVAILABLE, "the identity provider's signing keys are unavailable");
        }
    }
}
