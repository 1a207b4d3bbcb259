package nl.doelbinding.server.it;

import static nl.doelbinding.server.it.Api.assertProblem;
import static nl.doelbinding.server.it.Api.assertValidationProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import nl.doelbinding.server.app.ServerConfig;
import nl.doelbinding.server.audit.AuditExportVerifier;
import nl.doelbinding.server.audit.ExportVerification;
import nl.doelbinding.server.identity.KeycloakServer;
import nl.doelbinding.server.identity.RealKeycloak;

/**
 * The server end to end (issue 3, point 7): real Keycloak tokens over HTTP against one running server per
 * class, its database chosen by the subclass. Expected values come from the register table, the baseline
 * ruleset's rule texts and api.md section 4, never from the server's own answers.
 *
 * <p>Expired, not-yet-valid, wrong-issuer and wrong-audience tokens need a signing key the real Keycloak does
 * not lend out; they are covered against the same verifier by {@code KeycloakTokenVerifierTest}
 * ({@code rejectsAnExpiredToken}, {@code rejectsATokenNotYetValid}, {@code rejectsAnyOtherIssuer},
 * {@code rejectsAWrongOrMissingAudience}, {@code rejectsATokenWithoutExpiry}).
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ServerContract {
    static final String FIRST = "1000000001";
    static final String NOT_IN_REGISTER = "1000009999";
    static final Set<String> RELEASING = Set.of("DISCLOSE", "MASK", "GENERALISE", "PSEUDONYMISE");
    static final Set<String> REGIONS = Set.of("Noord-Nederland", "Oost-Nederland", "Midden-Nederland",
            "Zuid-Nederland", "West-Nederland");

    RunningServer it;
    /**
     * What the register must list about {@link #FIRST}: "purpose unit field outcome" per field released to
     * police-demo in this class (a replay adds nothing). Other residents' disclosures would be extra rows.
     */
    private final List<String> disclosedAboutFirst = new CopyOnWriteArrayList<>();
    private String seededRequestId;

    /** Points the configuration at the database under test. */
    abstract void useDatabase(ServerConfig config);

    @BeforeAll
    void start(KeycloakServer keycloak, @TempDir Path dataDir) throws Exception {
        it = RunningServer.start(keycloak, dataDir, this::useDatabase);
        seededRequestId = it.requestId("SEED");
        assertThat(submit(RequestBody.identification(seededRequestId, RoleMatrix.RESIDENT)).status()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (it != null) {
            it.close();
        }
    }

    /** Submits as police-demo and notes what the register must now list about {@link #FIRST}. */
    Api.Reply submit(RequestBody body) {
        Api.Reply reply = it.submit(Caller.POLICE_DEMO, body);
        boolean decided = reply.status() == 200 || reply.status() == 202;
        if (decided && reply.header("Doelbinding-Replay").isEmpty() && body.vNumbers().contains(FIRST)) {
            JsonNode decision = reply.json();
            for (JsonNode field : decision.path("fields")) {
                if (RELEASING.contains(field.path("outcome").asText())) {
                    disclosedAboutFirst.add(String.join(" ", body.purpose(), "Demo-Eenheid",
                            field.path("field").asText(), field.path("outcome").asText()));
                }
            }
        }
        return reply;
    }

    // ---------------------------------------------------------------- one test per overall decision

    @Test
    void releasedIdentificationCarriesExactlyTheRequestedFieldsAsRegistered() throws Exception {
        RequestBody body = RequestBody.identification(it.requestId("RELEASED"), FIRST);

        Api.Reply reply = submit(body);

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode decision = reply.json();
        assertThat(decision.path("requestId").asText()).isEqualTo(body.requestId());
        assertThat(decision.path("decisionId").asText()).isNotBlank();
        assertThat(decision.path("decision").asText()).isEqualTo("RELEASED");
        assertThat(decision.path("ruleset").path("version").asInt()).isEqualTo(1);
        assertThat(decision.path("ruleset").path("sha256").asText()).isEqualTo(it.baseline.sha256());
        assertThat(decision.path("requestRules")).isEmpty();
        assertThat(decision.path("escalationId").isNull()).as("escalationId is null").isTrue();
        assertThat(decision.path("fields").findValuesAsText("field")).containsExactly("name", "date_of_birth", "sex", "v_number");
        for (JsonNode field : decision.path("fields")) {
            assertThat(field.path("outcome").asText()).isEqualTo("DISCLOSE");
            assertThat(field.path("rule").asText()).isEqualTo("IDENT-01");
            assertThat(field.path("citation").asText()).isEqualTo("Sv art. 126nc; AVG art. 6(1)(c)");
            assertThat(field.path("explanation").asText()).isNotBlank();
        }
        Map<String, String> registered = it.resident(FIRST);
        JsonNode release = decision.path("release");
        assertThat(release.path("notFound")).isEmpty();
        assertThat(release.path("subjects")).hasSize(1);
        JsonNode subject = release.path("subjects").get(0);
        assertThat(names(subject)).containsExactlyInAnyOrder("vNumber", "name", "date_of_birth", "sex", "v_number");
        assertThat(subject.path("vNumber").asText()).isEqualTo(FIRST);
        for (String field : List.of("name", "date_of_birth", "sex", "v_number")) {
            assertThat(subject.path(field).asText()).as(field).isEqualTo(registered.get(field)).isNotBlank();
        }

        Api.Reply again = it.get(Caller.POLICE_DEMO, "/api/v1/requests/" + body.requestId());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("release")).isEqualTo(release);
    }

    @Test
    void partiallyReleasedTraceNeverCarriesTheRejectedFieldAndGivesTheRegionOnly() throws Exception {
        String vNumber = "1000000002";
        Api.Reply reply = submit(RequestBody.trace(it.requestId("PARTIAL"), vNumber));

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode decision = reply.json();
        assertThat(decision.path("decision").asText()).isEqualTo("PARTIALLY_RELEASED");
        assertField(decision, "name", "DISCLOSE", "TRACE-01", "Politiewet 2012 art. 1(1)(i); Vw 2000 art. 107");
        assertField(decision, "date_of_birth", "DISCLOSE", "TRACE-01", "Politiewet 2012 art. 1(1)(i); Vw 2000 art. 107");
        assertField(decision, "current_location", "GENERALISE", "TRACE-03", "AVG art. 5(1)(c)");
        assertField(decision, "health", "REJECT", "SPECIAL-01", "AVG art. 9(1); Sv art. 126nd(2)");

        Map<String, String> registered = it.resident(vNumber);
        JsonNode subject = decision.path("release").path("subjects").get(0);
        assertThat(names(subject)).containsExactlyInAnyOrder("vNumber", "name", "date_of_birth", "current_location");
        assertThat(subject.path("name").asText()).isEqualTo(registered.get("name"));
        assertThat(subject.path("date_of_birth").asText()).isEqualTo(registered.get("date_of_birth"));
        String location = registered.get("current_location");
        assertThat(subject.path("current_location").asText())
                .isIn(REGIONS)
                .isEqualTo(it.server.rulesets().current().orElseThrow().ruleset().catalogue().regionOf(location).orElseThrow())
                .isNotEqualTo(location);
        assertThat(reply.body()).doesNotContain(location).doesNotContain(registered.get("health"));
    }

    @Test
    void escalatedRequestWaitsForTheReviewerAndThenReleasesToItsRequesterOnly() throws Exception {
        RequestBody first = RequestBody.investigation126nf(it.requestId("ESC-A"), FIRST);
        RequestBody second = RequestBody.investigation126nf(it.requestId("ESC-B"), "1000000003");

        Api.Reply escalated = submit(first);
        Api.Reply later = submit(second);

        assertThat(escalated.status()).as("%s", escalated).isEqualTo(202);
        JsonNode notice = escalated.json();
        assertThat(notice.path("decision").asText()).isEqualTo("ESCALATED");
        assertThat(notice.has("release")).as("an escalated decision has no release").isFalse();
        assertField(notice, "health", "ESCALATE", "SPECIAL-03", "AVG art. 9(2)(g); Sv art. 126nf; Sv art. 218");
        assertThat(field(notice, "name").path("outcome").asText()).isEqualTo("DISCLOSE");
        String escalationId = notice.path("escalationId").asText();
        assertThat(escalationId).isNotBlank();
        assertThat(later.status()).isEqualTo(202);
        String laterId = later.json().path("escalationId").asText();
        Api.Reply pending = it.get(Caller.POLICE_DEMO, "/api/v1/requests/" + first.requestId());
        assertThat(pending.json().path("decision").asText()).isEqualTo("ESCALATED");
        assertThat(pending.json().has("release")).isFalse();

        List<String> open = openEscalations();
        assertThat(open).contains(escalationId, laterId);
        assertThat(open.indexOf(escalationId)).as("oldest first").isLessThan(open.indexOf(laterId));

        String path = "/api/v1/escalations/" + escalationId + "/review";
        assertValidationProblem(it.post(Caller.REVIEWER, path, "{\"fields\":{\"health\":{\"outcome\":\"REJECT\"}}}"),
                "fields.health.motivation");
        assertValidationProblem(it.post(Caller.REVIEWER, path, "{\"fields\":{\"health\":{\"outcome\":\"REJECT\","
                + "\"motivation\":\"No authorisation for health data.\"},\"name\":{\"outcome\":\"REJECT\","
                + "\"motivation\":\"Not under review.\"}}}"), "fields.name");
        assertThat(openEscalations()).as("a refused review leaves it open").contains(escalationId);

        String motivation = "The magistrate's authorisation does not name health data.";
        Api.Reply reviewed = it.post(Caller.REVIEWER, path,
                "{\"fields\":{\"health\":{\"outcome\":\"REJECT\",\"motivation\":\"" + motivation + "\"}}}");
        assertThat(reviewed.status()).as("%s", reviewed).isEqualTo(200);
        assertThat(reviewed.json().path("decision").asText()).isEqualTo("PARTIALLY_RELEASED");
        assertThat(reviewed.json().has("release")).as("the reviewer never sees the data").isFalse();
        assertProblem(it.post(Caller.REVIEWER, path,
                "{\"fields\":{\"health\":{\"outcome\":\"DISCLOSE\",\"motivation\":\"Second thoughts.\"}}}"), 409);
        assertThat(openEscalations()).doesNotContain(escalationId).contains(laterId);

        JsonNode final_ = it.get(Caller.POLICE_DEMO, "/api/v1/requests/" + first.requestId()).json();
        assertThat(final_.path("decision").asText()).isEqualTo("PARTIALLY_RELEASED");
        assertField(final_, "health", "REJECT", "REVIEW", "AVG art. 9(2)(g); Sv art. 126nf; Sv art. 218");
        assertThat(field(final_, "health").path("explanation").asText()).isEqualTo(motivation);
        JsonNode subject = final_.path("release").path("subjects").get(0);
        assertThat(names(subject)).containsExactlyInAnyOrder("vNumber", "name");
        assertThat(subject.path("name").asText()).isEqualTo(it.resident(FIRST).get("name"));

        assertProblem(it.get(Caller.POLICE_OTHER, "/api/v1/requests/" + first.requestId()), 404);
        Api.Reply audited = it.get(Caller.AUDITOR, "/api/v1/requests/" + first.requestId());
        assertThat(audited.status()).isEqualTo(200);
        assertThat(audited.json().path("decision").asText()).isEqualTo("PARTIALLY_RELEASED");
        assertThat(audited.json().has("release")).as("the auditor sees the decision, not the data").isFalse();

        // The other review discloses: the requester then gets the health data as registered.
        Api.Reply disclosed = it.post(Caller.REVIEWER, "/api/v1/escalations/" + laterId + "/review",
                "{\"fields\":{\"health\":{\"outcome\":\"DISCLOSE\",\"motivation\":\"The authorisation names it.\"}}}");
        assertThat(disclosed.json().path("decision").asText()).isEqualTo("RELEASED");
        JsonNode released = it.get(Caller.POLICE_DEMO, "/api/v1/requests/" + second.requestId()).json();
        assertThat(released.path("decision").asText()).isEqualTo("RELEASED");
        assertThat(released.path("release").path("subjects").get(0).path("health").asText())
                .isEqualTo(it.resident("1000000003").get("health"));
    }

    @Test
    void anOralOrderIsEscalatedAndAwaitsItsWrittenOrderWhoseFirstReferenceStandsAndIsAudited() {
        RequestBody body = RequestBody.trace(it.requestId("ORAL"), "1000000016").oral();
        Api.Reply reply = submit(body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(202);
        assertThat(reply.json().path("requestRules").findValuesAsText("rule")).contains("REQ-ORAL-01");

        JsonNode awaiting = oralOrder(body.requestId()).orElseThrow();
        assertThat(awaiting.path("requesterUnit").asText()).isEqualTo("Demo-Eenheid");
        assertThat(Instant.parse(awaiting.path("writtenDue").asText()))
                .isEqualTo(Instant.parse(awaiting.path("orderedAt").asText()).plus(Duration.ofDays(3)));
        assertThat(awaiting.path("writtenOrder").isNull()).isTrue();
        assertThat(awaiting.path("overdue").asBoolean()).isFalse();
        assertThat(it.api.get("/metrics", null).body()).containsPattern("(?m)^doelbinding_oral_orders_overdue \\S+$");

        String path = "/api/v1/requests/" + body.requestId() + "/written-order";
        Api.Reply confirmed = it.post(Caller.POLICE_DEMO, path, "{\"reference\":\"PV-ORAL-2026-1\"}");
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        assertThat(confirmed.json().path("writtenOrder").path("reference").asText()).isEqualTo("PV-ORAL-2026-1");
        assertThat(confirmed.json().path("overdue").asBoolean()).isFalse();
        assertThat(it.post(Caller.POLICE_DEMO, path, "{\"reference\":\"PV-ORAL-2026-1\"}").status()).isEqualTo(200);
        Api.Reply other = it.post(Caller.POLICE_DEMO, path, "{\"reference\":\"PV-OTHER\"}");
        assertProblem(other, 409);
        assertThat(oralOrder(body.requestId())).as("no longer awaiting").isEmpty();

        JsonNode records = it.get(Caller.AUDITOR, "/api/v1/audit?requestId=" + body.requestId()
                + "&type=WRITTEN_ORDER_RECEIVED").json().path("records");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("payload").path("reference").asText()).isEqualTo("PV-ORAL-2026-1");
        assertThat(records.get(0).path("actor").asText()).startsWith("police-demo/");
    }

    @Test
    void aWrittenOrderIsRefusedForARequestWithoutAnOralOrderForAnUnknownRequestAndWithoutAReference() {
        RequestBody written = RequestBody.identification(it.requestId("NOT-ORAL"), "1000000017");
        assertThat(submit(written).status()).isEqualTo(200);

        assertProblem(it.post(Caller.POLICE_DEMO, "/api/v1/requests/" + written.requestId() + "/written-order",
                "{\"reference\":\"PV-1\"}"), 409);
        assertProblem(it.post(Caller.POLICE_DEMO, "/api/v1/requests/NO-SUCH-REQUEST/written-order",
                "{\"reference\":\"PV-1\"}"), 404);
        assertProblem(it.post(Caller.POLICE_DEMO, "/api/v1/requests/" + written.requestId() + "/written-order",
                "{\"ref\":\"PV-1\"}"), 400);
    }

    /** The oral order of this request among those awaiting their written order, as a reviewer sees them. */
    private Optional<JsonNode> oralOrder(String requestId) {
        Api.Reply list = it.get(Caller.REVIEWER, "/api/v1/oral-orders?limit=1000");
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        for (JsonNode item : list.json()) {
            if (item.path("requestId").asText().equals(requestId)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    @Test
    void consentIsRefusedWithItsRuleAndCitationAndNothingIsReleased() {
        RequestBody body = RequestBody.of(it.requestId("CONSENT"), "TRACE_MISSING_RESIDENT", "CONSENT")
                .subjects(FIRST).fields("name", "current_location");

        Api.Reply reply = submit(body);

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode decision = reply.json();
        assertThat(decision.path("decision").asText()).isEqualTo("REJECTED");
        JsonNode rule = decision.path("requestRules").get(0);
        assertThat(rule.path("rule").asText()).isEqualTo("REQ-CONSENT-01");
        assertThat(rule.path("outcome").asText()).isEqualTo("REJECT");
        assertThat(rule.path("citation").asText()).isEqualTo("AVG art. 4(11), art. 7; AVG recital 43; EDPB Guidelines 05/2020");
        assertThat(rule.path("explanation").asText()).containsIgnoringCase("consent");
        List<String> outcomes = new ArrayList<>();
        decision.path("fields").forEach(f -> outcomes.add(f.path("outcome").asText()));
        assertThat(outcomes).containsExactly("REJECT", "REJECT");
        assertThat(decision.has("release")).isFalse();
        assertThat(it.get(Caller.POLICE_DEMO, "/api/v1/requests/" + body.requestId()).json().has("release")).isFalse();
    }

    @Test
    void aSubjectNotInTheRegisterIsListedAsNotFoundNeverInvented() {
        Api.Reply reply = submit(RequestBody.identification(it.requestId("NOTFOUND"), "1000000005", NOT_IN_REGISTER));

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode release = reply.json().path("release");
        assertThat(release.path("notFound")).hasSize(1);
        assertThat(release.path("notFound").get(0).asText()).isEqualTo(NOT_IN_REGISTER);
        assertThat(release.path("subjects").findValuesAsText("vNumber")).containsExactly("1000000005");
    }

    @Test
    void noDisclosureIsRegisteredForASubjectNotInTheRegister() {
        submit(RequestBody.identification(it.requestId("NOTFOUND-REG"), "1000000006", NOT_IN_REGISTER));

        Api.Reply register = it.get(Caller.PRIVACY, "/api/v1/subjects/" + NOT_IN_REGISTER + "/disclosures");

        assertThat(register.status()).isEqualTo(200);
        assertThat(register.json().path("disclosures")).isEmpty();
    }

    @Test
    void aFieldReleasedByAReviewIsInTheResidentsRegister() {
        String vNumber = "1000000004";
        String escalationId = submit(RequestBody.investigation126nf(it.requestId("ESC-REG"), vNumber)).json()
                .path("escalationId").asText();
        assertThat(it.post(Caller.REVIEWER, "/api/v1/escalations/" + escalationId + "/review",
                "{\"fields\":{\"health\":{\"outcome\":\"DISCLOSE\",\"motivation\":\"The authorisation names it.\"}}}")
                .status()).isEqualTo(200);

        JsonNode register = it.get(Caller.PRIVACY, "/api/v1/subjects/" + vNumber + "/disclosures").json();

        List<String> fields = new ArrayList<>();
        register.path("disclosures").forEach(d -> fields.add(d.path("field").asText() + " " + d.path("outcome").asText()));
        assertThat(fields).contains("name DISCLOSE", "health DISCLOSE");
    }

    // ---------------------------------------------------------------- roles

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("nl.doelbinding.server.it.RoleMatrix#cells")
    void everyRoleGetsExactlyWhatApiMdAllowsOnEveryEndpoint(String endpoint, String callerLabel, int expected) {
        Api.Reply reply = RoleMatrix.call(it, endpoint, Caller.byLabel(callerLabel), seededRequestId);

        assertThat(reply.status()).as("%s as %s: %s", endpoint, callerLabel, reply).isEqualTo(expected);
        if (expected == 401 || expected == 403) {
            assertProblem(reply, expected);
        }
    }

    // ---------------------------------------------------------------- token attacks

    @ParameterizedTest
    @EnumSource(ForgedTokens.Forgery.class)
    void aForgedTokenIsRefusedAndNothingIsRecorded(ForgedTokens.Forgery forgery) throws Exception {
        String forged = ForgedTokens.forge(forgery, it);
        RequestBody body = RequestBody.identification(it.requestId("FORGED"), FIRST);

        assertProblem(it.api.post("/api/v1/requests", forged, body.json()), 401);
        assertProblem(it.api.get("/api/v1/audit/verify", forged), 401);
        assertProblem(it.get(Caller.POLICE_DEMO, "/api/v1/requests/" + body.requestId()), 404);
    }

    // ---------------------------------------------------------------- problems

    @Test
    void anUnknownFieldCodeIsA400NamingItsPosition() {
        Api.Reply reply = submit(RequestBody.identification(it.requestId("BADFIELD"), FIRST).fields("name", "shoe_size"));

        JsonNode problem = assertValidationProblem(reply, "fields[1]");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("shoe_size");
    }

    @Test
    void anUnknownPurposeIsA400NamingPurpose() {
        RequestBody body = RequestBody.of(it.requestId("BADPURPOSE"), "CURIOSITY", "SV_126ND").reference("OvJ-1")
                .subjects(FIRST).fields("name");

        JsonNode problem = assertValidationProblem(submit(body), "purpose");
        assertThat(problem.toString()).contains("CURIOSITY");
    }

    @Test
    void invalidJsonIsA400() {
        assertValidationProblem(it.api.post("/api/v1/requests", it.tokens.of(Caller.POLICE_DEMO), "{\"requestId\": "), "$");
    }

    @Test
    void missingTokenIs401AndWrongRoleIs403() {
        String body = RequestBody.identification(it.requestId("NOAUTH"), FIRST).json();

        assertProblem(it.api.post("/api/v1/requests", null, body), 401);
        assertProblem(it.api.post("/api/v1/requests", it.tokens.of(Caller.AUDITOR), body), 403);
    }

    @Test
    void unknownRequestAndUnknownReviewAre404() {
        assertProblem(it.get(Caller.POLICE_DEMO, "/api/v1/requests/IT-NEVER-SENT"), 404);
        assertProblem(it.get(Caller.AUDITOR, "/api/v1/requests/IT-NEVER-SENT"), 404);
        String review = "{\"fields\":{\"health\":{\"outcome\":\"REJECT\",\"motivation\":\"None.\"}}}";
        assertProblem(it.post(Caller.REVIEWER, "/api/v1/escalations/" + UUID.randomUUID() + "/review", review), 404);
        assertProblem(it.post(Caller.REVIEWER, "/api/v1/escalations/not-a-review/review", review), 404);
    }

    @Test
    void theSameRequestIdWithAnotherBodyIsA409AndKeepsTheFirstDecision() {
        String requestId = it.requestId("CONFLICT");
        Api.Reply first = submit(RequestBody.identification(requestId, "1000000007"));

        assertProblem(submit(RequestBody.identification(requestId, "1000000008")), 409);

        JsonNode stored = it.get(Caller.POLICE_DEMO, "/api/v1/requests/" + requestId).json();
        assertThat(stored.path("decisionId").asText()).isEqualTo(first.json().path("decisionId").asText());
        assertThat(stored.path("release").path("subjects").findValuesAsText("vNumber")).containsExactly("1000000007");
    }

    @Test
    void aBodyOverOneMebibyteIsA413AndNotDecided() {
        RequestBody body = RequestBody.identification(it.requestId("HUGE"), FIRST).justification("x".repeat(1024 * 1024 + 1));

        assertProblem(submit(body), 413);
        assertProblem(it.get(Caller.POLICE_DEMO, "/api/v1/requests/" + body.requestId()), 404);
    }

    // ---------------------------------------------------------------- idempotency and audit

    @Test
    void aReplayReturnsTheStoredDecisionAndIsAuditedOnce() throws Exception {
        RequestBody body = RequestBody.identification(it.requestId("REPLAY"), FIRST);

        Api.Reply first = submit(body);
        Api.Reply second = submit(body);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Doelbinding-Replay")).isEmpty();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("Doelbinding-Replay")).hasValue("true");
        assertThat(second.json()).isEqualTo(first.json());
        String decisionId = first.json().path("decisionId").asText();

        JsonNode records = it.get(Caller.AUDITOR, "/api/v1/audit?requestId=" + body.requestId() + "&type=DECISION_MADE")
                .json().path("records");
        assertThat(records).hasSize(1);
        JsonNode payload = records.get(0).path("payload");
        assertThat(payload.path("decisionId").asText()).isEqualTo(decisionId);
        assertThat(payload.path("decision").asText()).isEqualTo("RELEASED");
        assertThat(payload.path("requester").path("unit").asText()).isEqualTo("Demo-Eenheid");
        assertThat(records.get(0).toString()).as("the audit trail holds no field values")
                .doesNotContain(it.resident(FIRST).get("name"));
    }

    @Test
    @Order(Integer.MAX_VALUE - 2)
    void theChainVerifiesAndItsExportVerifiesOffline() throws Exception {
        RequestBody body = RequestBody.identification(it.requestId("EXPORT"), "1000000011");
        assertThat(submit(body).status()).isEqualTo(200);

        JsonNode verified = it.get(Caller.AUDITOR, "/api/v1/audit/verify").json();
        assertThat(verified.path("valid").asBoolean()).as("%s", verified).isTrue();
        Api.Reply export = it.get(Caller.AUDITOR, "/api/v1/audit/export");

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        ExportVerification offline = new AuditExportVerifier().verify(new ByteArrayInputStream(export.bytes()));
        assertThat(offline).as(offline.describe()).isInstanceOf(ExportVerification.Ok.class);
        ExportVerification.Ok ok = (ExportVerification.Ok) offline;
        assertThat(ok.fromGenesis()).isTrue();
        assertThat(ok.records()).isEqualTo(verified.path("records").asLong());
        assertThat(ok.headHash()).isEqualTo(verified.path("headHash").asText());
        assertThat(export.body()).contains("\"requestId\":\"" + body.requestId() + "\"");
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void thePrivacyOfficerSeesEveryDisclosureAboutOneResidentAndNothingElse() {
        assertThat(submit(RequestBody.identification(it.requestId("ART15"), FIRST)).status()).isEqualTo(200);

        Api.Reply reply = it.get(Caller.PRIVACY, "/api/v1/subjects/" + FIRST + "/disclosures");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("vNumber").asText()).isEqualTo(FIRST);
        List<String> listed = new ArrayList<>();
        for (JsonNode d : reply.json().path("disclosures")) {
            assertThat(d.path("date").asText()).isNotBlank();
            listed.add(String.join(" ", d.path("purpose").asText(), d.path("requesterUnit").asText(),
                    d.path("field").asText(), d.path("outcome").asText()));
        }
        assertThat(listed).isNotEmpty().containsExactlyInAnyOrderElementsOf(disclosedAboutFirst);
        assertThat(listed).contains("IDENTIFICATION Demo-Eenheid name DISCLOSE");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aTamperedAuditRowIsNamedByVerify() throws Exception {
        RequestBody body = RequestBody.identification(it.requestId("TAMPER"), "1000000012");
        assertThat(submit(body).status()).isEqualTo(200);
        assertThat(submit(RequestBody.identification(it.requestId("AFTER-TAMPER"), "1000000013")).status()).isEqualTo(200);
        JsonNode record = it.get(Caller.AUDITOR, "/api/v1/audit?requestId=" + body.requestId() + "&type=DECISION_MADE")
                .json().path("records").get(0);
        long seq = record.path("seq").asLong();
        String payload = record.path("payload").toString();
        assertThat(payload).contains("\"RELEASED\"");

        assertThat(it.execute("UPDATE audit_records SET payload = ? WHERE seq = ?",
                payload.replace("\"RELEASED\"", "\"REJECTED\""), seq)).isEqualTo(1);

        JsonNode verified = it.get(Caller.AUDITOR, "/api/v1/audit/verify").json();
        assertThat(verified.path("valid").asBoolean()).as("%s", verified).isFalse();
        assertThat(verified.path("firstBrokenSeq").asLong()).isEqualTo(seq);
        ExportVerification offline = new AuditExportVerifier().verify(
                new ByteArrayInputStream(it.get(Caller.AUDITOR, "/api/v1/audit/export").bytes()));
        assertThat(offline).isInstanceOfSatisfying(ExportVerification.Broken.class, b -> assertThat(b.seq()).isEqualTo(seq));
    }

    // ---------------------------------------------------------------- operations

    @Test
    void healthReportsTheActiveRuleset() {
        Api.Reply health = it.api.get("/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("ruleset").path("version").asInt()).isEqualTo(1);
        assertThat(health.json().path("ruleset").path("sha256").asText()).isEqualTo(it.baseline.sha256());
    }

    @Test
    void metricsCountEveryDecision() {
        double before = releasedDecisions();
        assertThat(submit(RequestBody.identification(it.requestId("METRICS"), "1000000014")).status()).isEqualTo(200);

        assertThat(releasedDecisions()).isEqualTo(before + 1);
    }

    /** The Prometheus count of first-time RELEASED decisions over HTTP. */
    private double releasedDecisions() {
        Api.Reply metrics = it.api.get("/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("doelbinding_decisions_total");
        Matcher m = Pattern.compile("(?m)^doelbinding_decisions_total\\{([^}]*)} (\\S+)$").matcher(metrics.body());
        double sum = 0;
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("channel=\"http\"") && labels.contains("decision=\"RELEASED\"")
                    && labels.contains("replay=\"false\"")) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    // ---------------------------------------------------------------- helpers

    private List<String> openEscalations() {
        Api.Reply reply = it.get(Caller.REVIEWER, "/api/v1/escalations?status=OPEN");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().forEach(item -> ids.add(item.path("escalationId").asText()));
        return ids;
    }

    private static JsonNode field(JsonNode decision, String name) {
        for (JsonNode f : decision.path("fields")) {
            if (f.path("field").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no decision for field " + name + " in " + decision);
    }

    private static void assertField(JsonNode decision, String name, String outcome, String rule, String citation) {
        JsonNode f = field(decision, name);
        assertThat(f.path("outcome").asText()).as("outcome of %s", name).isEqualTo(outcome);
        assertThat(f.path("rule").asText()).as("rule of %s", name).isEqualTo(rule);
        assertThat(f.path("citation").asText()).as("citation of %s", name).isEqualTo(citation);
        assertThat(f.path("explanation").asText()).as("explanation of %s", name).isNotBlank();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
