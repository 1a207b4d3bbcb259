package nl.doelbinding.routes.http;

import nl.doelbinding.routes.auth.Role;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.routes.Exchanges;
import nl.doelbinding.routes.auth.RequesterAuthenticator;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Verifies the bearer token and checks the caller holds one of the endpoint's roles. */
public final class Authenticate implements Processor {
    private final RequesterAuthenticator authenticator;
    private final Role[] allowed;

    public Authenticate(RequesterAuthenticator authenticator, Role... allowed) {
        this.authenticator = authenticator;
        this.allowed = allowed.clone();
    }

    @Override
    public void process(Exchange exchange) {
        String authorization = exchange.getIn().getHeader("Authorization", String.class);
        exchange.getIn().removeHeader("Authorization");
        Requester requester = authenticator.authenticate(authorization);
        Role.requireAny(requester, allowed);
        exchange.setProperty(Exchanges.REQUESTER, requester);
    }
}
