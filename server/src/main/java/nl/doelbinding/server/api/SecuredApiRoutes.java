package nl.doelbinding.server.api;

import nl.doelbinding.routes.auth.RequesterAuthenticator;
import nl.doelbinding.routes.auth.Role;
import nl.doelbinding.routes.http.Authenticate;
import nl.doelbinding.routes.http.BodyLimit;
import nl.doelbinding.routes.http.ProblemRouteConfiguration;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/** REST handlers behind a token and roles, with problem+json errors: the wiring every API route builder shares. */
abstract class SecuredApiRoutes extends RouteBuilder {
    private final RequesterAuthenticator authenticator;
    private final int maxBodyBytes;

    SecuredApiRoutes(RequesterAuthenticator authenticator, int maxBodyBytes) {
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** {@code direct:<routeId>}: authenticated with one of the roles, then handled; the body is not read. */
    final void secured(String routeId, Processor handler, Role... roles) {
        authenticated(routeId, roles).process(handler);
    }

    /** As {@link #secured}, for a handler that reads a body: bounded by the configured limit first. */
    final RouteDefinition securedWithBody(String routeId, Processor handler, Role... roles) {
        return authenticated(routeId, roles).process(new BodyLimit(maxBodyBytes)).process(handler);
    }

    private RouteDefinition authenticated(String routeId, Role... roles) {
        return from("direct:" + routeId).routeId(routeId).routeConfigurationId(ProblemRouteConfiguration.ID)
                .process(new Authenticate(authenticator, roles));
    }
}
