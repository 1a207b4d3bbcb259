package nl.doelbinding.routes.auth;

import nl.doelbinding.engine.model.Requester;

/**
 * Verifies the bearer token a channel carries and says who the requester is. Identity comes only from
 * here, never from a request body.
 */
public interface RequesterAuthenticator {
    /**
     * @param authorization the {@code Authorization} value ({@code Bearer ...}), possibly null
     * @throws nl.doelbinding.routes.problem.ProblemException of type UNAUTHENTICATED with a safe reason
     */
    Requester authenticate(String authorization);
}
