package nl.doelbinding.server.api;

import nl.doelbinding.routes.auth.RequesterAuthenticator;
import nl.doelbinding.routes.auth.Role;
import nl.doelbinding.routes.http.Authenticate;
import nl.doelbinding.routes.http.BodyLimit;
import nl.doelbinding.routes.http.ProblemRouteConfiguration;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/** The ruleset lifecycle endpoints (api.md section 4), each behind its roles; {@link RulesetApi} handles them. */
public final class RulesetApiRoute extends RouteBuilder {
    private static final Role[] READERS = {Role.LEGAL_AUTHOR, Role.LEGAL_APPROVER, Role.ADMIN, Role.AUDITOR};

    private final RulesetApi api;
    private final RequesterAuthenticator authenticator;
    private final int maxBodyBytes;

    public RulesetApiRoute(RulesetApi api, RequesterAuthenticator authenticator, int maxBodyBytes) {
        this.api = api;
        this.authenticator = authenticator;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void configure() {
        rest("/api/v1/rulesets")
                .get().to("direct:rulesets-list")
                .post().to("direct:rulesets-upload")
                .get("/{version}").to("direct:rulesets-show")
                .get("/{version}/files/{p1}").to("direct:rulesets-file")
                .get("/{version}/files/{p1}/{p2}").to("direct:rulesets-file")
                .get("/{version}/files/{p1}/{p2}/{p3}").to("direct:rulesets-file")
                .get("/{version}/files/{p1}/{p2}/{p3}/{p4}").to("direct:rulesets-file")
                .get("/{version}/diff").to("direct:rulesets-diff")
                .post("/{version}/approve").to("direct:rulesets-approve")
                .post("/{version}/activate").to("direct:rulesets-activate")
                .post("/{version}/replay").to("direct:rulesets-replay");

        route("rulesets-list", api::list, READERS);
        route("rulesets-show", api::show, READERS);
        route("rulesets-file", api::file, READERS);
        route("rulesets-diff", api::diff, READERS);
        route("rulesets-upload", api::upload, Role.LEGAL_AUTHOR);
        route("rulesets-approve", api::approve, Role.LEGAL_APPROVER);
        route("rulesets-activate", api::activate, Role.ADMIN);
        route("rulesets-replay", api::replay, Role.LEGAL_AUTHOR, Role.LEGAL_APPROVER, Role.AUDITOR);
    }

    private void route(String routeId, Processor handler, Role... roles) {
        from("direct:" + routeId).routeId(routeId).routeConfigurationId(ProblemRouteConfiguration.ID)
                .process(new Authenticate(authenticator, roles))
                .process(new BodyLimit(maxBodyBytes))
                .process(handler);
    }
}
