package nl.doelbinding.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecideCommandTest {
    @TempDir
    Path tmp;

    @Test
    void printsTheDecisionWithOutcomeRuleCitationAndExplanationPerField() throws Exception {
        Path request = tmp.resolve("request.json");
        Files.writeString(request, """
                {"requestId":"POL-2026-000123","purpose":"TRACE_MISSING_RESIDENT",
                 "legalBasis":{"instrument":"SV_126ND","reference":"OvJ-Rotterdam-2026-4411"},
                 "caseReference":"ZAAK-2026-77","subjects":[{"vNumber":"1000000001"}],
                 "fields":["name","current_location","health"]}""");

        CliRun run = CliRun.of("decide", request.toString());

        assertThat(run.exitCode()).isZero();
        JsonNode decision = new ObjectMapper().readTree(run.out());
        assertThat(decision.path("requestId").asText()).isEqualTo("POL-2026-000123");
        assertThat(decision.path("decision").asText()).isEqualTo("PARTIALLY_RELEASED");
        assertThat(decision.path("ruleset").path("sha256").asText()).hasSize(64);
        assertThat(decision.has("release")).isFalse();
        JsonNode location = decision.path("fields").get(1);
        assertThat(location.path("field").asText()).isEqualTo("current_location");
        assertThat(location.path("outcome").asText()).isEqualTo("GENERALISE");
        assertThat(location.path("rule").asText()).isEqualTo("TRACE-03");
        assertThat(location.path("citation").asText()).isEqualTo("AVG art. 5(1)(c)");
        assertThat(location.path("explanation").asText()).isNotBlank();
        JsonNode health = decision.path("fields").get(2);
        assertThat(health.path("outcome").asText()).isEqualTo("REJECT");
        assertThat(health.path("rule").asText()).isEqualTo("SPECIAL-01");
    }

    @Test
    void anUnknownCodeIsAnErrorNamingTheProperty() throws Exception {
        Path request = tmp.resolve("request.json");
        Files.writeString(request, """
                {"requestId":"R-1","purpose":"TRAWLING","subjects":[{"vNumber":"1000000001"}],"fields":["name"]}""");

        CliRun run = CliRun.of("decide", request.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(request + ": purpose: unknown purpose 'TRAWLING'");
    }
}
