package nl.doelbinding.routes.file;

import nl.doelbinding.engine.model.Requester;

/**
 * The verified identity a binding's batches are decided for: the server obtains a token for the binding's
 * client and verifies it as it verifies any bearer token, so a batch never has less identity than a request.
 */
public interface BatchIdentity {
    /**
     * @throws nl.doelbinding.routes.problem.ProblemException UNAUTHENTICATED or FORBIDDEN when the client's
     *         credentials or roles are refused, UNAVAILABLE when the identity provider cannot be reached
     */
    Requester requester();
}
