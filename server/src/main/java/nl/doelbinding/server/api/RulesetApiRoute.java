package nl.doelbinding.server.api;

import nl.doelbinding.routes.auth.RequesterAuthenticator;
import nl.doelbinding.routes.auth.Role;

/** The ruleset lifecycle endpoints (api.md section 4), each behind its roles; {@link RulesetApi} handles them. */
public final class RulesetApiRoute extends SecuredApiRoutes {
    private static final Role[] READERS = {Role.LEGAL_AUTHOR, Role.LEGAL_APPROVER, Role.ADMIN, Role.AUDITOR};

    private final RulesetApi api;

    public RulesetApiRoute(RulesetApi api, RequesterAuthenticator authenticator, int maxBodyBytes) {
        super(authenticator, maxBodyBytes);
        this.api = api;
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

        securedWithBody("rulesets-list", api::list, READERS);
        securedWithBody("rulesets-show", api::show, READERS);
        securedWithBody("rulesets-file", api::file, READERS);
        securedWithBody("rulesets-diff", api::diff, READERS);
        securedWithBody("rulesets-upload", api::upload, Role.LEGAL_AUTHOR);
        securedWithBody("rulesets-approve", api::approve, Role.LEGAL_APPROVER);
        securedWithBody("rulesets-activate", api::activate, Role.ADMIN);
        securedWithBody("rulesets-replay", api::replay, Role.LEGAL_AUTHOR, Role.LEGAL_APPROVER, Role.AUDITOR);
    }
}
