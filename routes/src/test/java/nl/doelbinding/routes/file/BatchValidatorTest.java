package nl.doelbinding.routes.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Set;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.drools.DroolsRulesetCompiler;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.engine.ruleset.RulesetSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BatchValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Requester POLICE = new Requester("svc", "police-demo", Set.of("police-requester"), "AVIM");
    private static Catalogue catalogue;

    @BeforeAll
    static void baseline() {
        catalogue = new DroolsRulesetCompiler().compile(RulesetSource.fromDirectory(Path.of("../rules/baseline")))
                .orThrow().catalogue();
    }

    private static ObjectNode request(String requestId, String justification) throws Exception {
        return (ObjectNode) JSON.readTree("{\"requestId\":\"" + requestId + "\",\"purpose\":\"IDENTIFICATION\","
                + "\"legalBasis\":{\"instrument\":\"SV_126NC\",\"reference\":\"PV-1\"},\"caseReference\":\"Z-1\","
                + "\"subjects\":[{\"vNumber\":\"1000000001\"}],\"fields\":[\"name\"],"
                + "\"justification\":\"" + justification + "\"}");
    }

    /** The file drop holds a request to the body limit of HTTP and AMQP, measured as compact JSON. */
    @Test
    void aRequestOverTheBodyLimitFailsTheBatchAtThatRequest() throws Exception {
        ObjectNode small = request("B-1", "short");
        int limit = small.toString().length() + 100;
        BatchValidator validator = new BatchValidator("b.json", catalogue, POLICE, limit);

        validator.request(0, small);
        validator.request(1, request("B-2", "x".repeat(105))); // exactly at the limit
        assertThatThrownBy(() -> validator.request(2, request("B-3", "x".repeat(106))))
                .isInstanceOfSatisfying(BatchProblem.class, p -> {
                    assertThat(p.property()).isEqualTo("requests[2]");
                    assertThat(p.problem()).isEqualTo("is " + (limit + 1) + " bytes as compact JSON; a request may be"
                            + " at most " + limit + " bytes, as on the other channels");
                });
    }
}
