package nl.doelbinding.server.api;

import nl.doelbinding.routes.auth.Role;
import nl.doelbinding.routes.Endpoints;
import nl.doelbinding.routes.auth.RequesterAuthenticator;

/** The read, review and audit endpoints of the REST API (api.md section 4), each behind its roles. */
public final class AdminApiRoute extends SecuredApiRoutes {
    private final AdminApi api;
    private final OralOrderApi oralOrders;

    public AdminApiRoute(AdminApi api, OralOrderApi oralOrders, RequesterAuthenticator authenticator,
                         int maxBodyBytes) {
        super(authenticator, maxBodyBytes);
        this.api = api;
        this.oralOrders = oralOrders;
    }

    @Override
    public void configure() {
        rest("/api/v1")
                .get("/requests/{requestId}").to("direct:api-request")
                .post("/requests/{requestId}/written-order").to("direct:api-written-order")
                .get("/oral-orders").to("direct:api-oral-orders")
                .get("/escalations").to("direct:api-escalations")
                .post("/escalations/{escalationId}/review").to("direct:api-review")
                .get("/audit").to("direct:api-audit")
                .get("/audit/verify").to("direct:api-audit-verify")
                .get("/audit/export").to("direct:api-audit-export")
                .get("/subjects/{vNumber}/disclosures").to("direct:api-disclosures");

        secured("api-request", api::request, Role.POLICE_REQUESTER, Role.AUDITOR);
        securedWithBody("api-written-order", oralOrders::confirm, Role.POLICE_REQUESTER);
        secured("api-oral-orders", oralOrders::awaiting, Role.LEGAL_REVIEWER, Role.AUDITOR);
        secured("api-escalations", api::escalations, Role.LEGAL_REVIEWER);
        securedWithBody("api-review", api::review, Role.LEGAL_REVIEWER)
                .to(Endpoints.DISPATCH)
                .to(Endpoints.REVIEWED)
                .process(api::reviewReply);
        secured("api-audit", api::auditRecords, Role.AUDITOR);
        secured("api-audit-verify", api::verify, Role.AUDITOR);
        secured("api-audit-export", api::export, Role.AUDITOR);
        secured("api-disclosures", api::disclosures, Role.PRIVACY_OFFICER, Role.AUDITOR);
    }
}
