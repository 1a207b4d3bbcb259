package nl.doelbinding.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import nl.doelbinding.server.cli.RulesetLocation;
import nl.doelbinding.server.identity.KeycloakServer;
import nl.doelbinding.server.identity.RealKeycloak;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Legal catalogue R8 end to end, under the baseline as it is (20 requests per unit in 30 days, 10% of a location):
 * the server counts police-demo's unit's history on its own records, the rules escalate the request that goes over
 * a threshold, the audit record holds the history, and a replay decides on the history stored with the request.
 * The expected shares come from the register table, not from the server's answers.
 */
@ExtendWith(RealKeycloak.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VolumeIT {
    private static final String FIRST = "1000000001";

    private RunningServer it;
    private Instant started;
    private int requests;

    @BeforeAll
    void start(KeycloakServer keycloak, @TempDir Path dataDir) throws Exception {
        it = RunningServer.start(keycloak, dataDir, config -> config.database.url = null, RulesetLocation.baseline());
        started = Instant.now();
    }

    @AfterAll
    void stop() {
        if (it != null) {
            it.close();
        }
    }

    private Api.Reply identify(List<String> vNumbers) {
        requests++;
        return it.submit(Caller.POLICE_DEMO, RequestBody.identification(it.requestId("VOLUME"),
                vNumbers.toArray(String[]::new)));
    }

    private JsonNode decisionRecord(String requestId) {
        JsonNode records = it.get(Caller.AUDITOR, "/api/v1/audit?requestId=" + requestId + "&type=DECISION_MADE")
                .json().path("records");
        assertThat(records).hasSize(1);
        return records.get(0).path("payload");
    }

    @Test
    @Order(1)
    void requestsThatTogetherNameMoreThanTenPercentOfALocationAreEscalated() throws Exception {
        String location = it.resident(FIRST).get("current_location");
        List<String> residents = it.residentsAt(location);
        int allowed = residents.size() * 10 / 100; // at most 10% of the location, rounded up, is not above 10%
        assertThat(allowed).as("residents at %s", location).isGreaterThanOrEqualTo(2);

        for (int from = 0; from < allowed; from += 5) {
            Api.Reply reply = identify(residents.subList(from, Math.min(from + 5, allowed)));
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            assertThat(reply.json().path("decision").asText()).isEqualTo("RELEASED");
        }
        Api.Reply over = identify(List.of(residents.get(allowed)));

        assertThat(over.status()).as("%s", over).isEqualTo(202);
        JsonNode decision = over.json();
        assertThat(decision.path("decision").asText()).isEqualTo("ESCALATED");
        assertThat(decision.path("requestRules")).extracting(r -> r.path("rule").asText())
                .containsExactly("REQ-VOLUME-03");
        assertThat(decision.path("requestRules").get(0).path("citation").asText()).contains("recital 31");
        assertThat(decision.has("release")).isFalse();
        assertThat(decision.path("escalationId").asText()).isNotBlank();
        long expectedPercent = ((allowed + 1) * 100L + residents.size() - 1) / residents.size();
        JsonNode history = decisionRecord(decision.path("requestId").asText()).path("history");
        assertThat(history.path("locationCoverage").asLong()).isEqualTo(expectedPercent).isGreaterThan(10);
        assertThat(history.path("earlierRequests").asInt()).isEqualTo(requests - 1);
    }

    @Test
    @Order(2)
    void theUnitsTwentyFirstRequestInThirtyDaysIsEscalated() throws Exception {
        String firstLocation = it.resident(FIRST).get("current_location");
        List<String> elsewhere = new ArrayList<>();
        for (long v = 1000000002L; elsewhere.size() < 25; v++) {
            String vNumber = String.valueOf(v);
            if (!it.resident(vNumber).get("current_location").equals(firstLocation)) {
                elsewhere.add(vNumber);
            }
        }
        int next = 0;
        while (requests < 20) {
            Api.Reply reply = identify(List.of(elsewhere.get(next++)));
            assertThat(reply.status()).as("request %d: %s", requests, reply).isEqualTo(200);
            assertThat(reply.json().path("requestRules")).isEmpty();
        }

        Api.Reply twentyFirst = identify(List.of(elsewhere.get(next)));

        assertThat(twentyFirst.status()).as("%s", twentyFirst).isEqualTo(202);
        assertThat(twentyFirst.json().path("requestRules")).extracting(r -> r.path("rule").asText())
                .containsExactly("REQ-VOLUME-02");
        JsonNode history = decisionRecord(twentyFirst.json().path("requestId").asText()).path("history");
        assertThat(history.path("earlierRequests").asInt()).isEqualTo(20);
    }

    @Test
    @Order(3)
    void aReplayDecidesOnTheHistoryEachRequestWasDecidedOn() {
        Instant to = Instant.now().plusSeconds(1);

        Api.Reply reply = it.post(Caller.AUDITOR, "/api/v1/rulesets/1/replay?from=" + started.minusSeconds(1) + "&to="
                + to, "");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().path("replayed").asInt()).isEqualTo(requests);
        assertThat(reply.json().path("changedRequests").asInt()).as("%s", reply).isZero();
    }
}
