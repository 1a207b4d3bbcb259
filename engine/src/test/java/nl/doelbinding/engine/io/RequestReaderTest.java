package nl.doelbinding.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import nl.doelbinding.engine.TestRulesets;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.InstrumentCode;
import nl.doelbinding.engine.model.Requester;
import org.junit.jupiter.api.Test;

class RequestReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Requester REQUESTER = new Requester("s", "police-demo", Set.of("police-requester"), "Demo");
    private final RequestReader reader = new RequestReader(TestRulesets.minimal().catalogue());

    private DisclosureRequest read(String json) throws Exception {
        return reader.read(JSON.readTree(json), REQUESTER);
    }

    private RequestValidationException invalid(String json) {
        return catchThrowableOfType(RequestValidationException.class, () -> read(json));
    }

    @Test
    void readsAValidRequestWithTheRequesterFromTheToken() throws Exception {
        DisclosureRequest request = read("""
                {"requestId":"POL-1","purpose":"CRIMINAL_INVESTIGATION",
                 "legalBasis":{"instrument":"SV_126ND","reference":"OvJ-1","authorisationReference":null,"oral":false},
                 "caseReference":"ZAAK-1","subjects":[{"vNumber":"1000000001"}],"fields":["name","phone"],
                 "justification":"art. 67(1) Sv"}""");

        assertThat(request.requestId()).isEqualTo("POL-1");
        assertThat(request.legalBasis().instrument()).isEqualTo(new InstrumentCode("SV_126ND"));
        assertThat(request.fields()).extracting(f -> f.value()).containsExactly("name", "phone");
        assertThat(request.requester()).isEqualTo(REQUESTER);
    }

    @Test
    void namesEveryBadPropertyAndUnknownCode() {
        RequestValidationException e = invalid("""
                {"requestId":"POL-1","purpose":"TRAWLING","legalBasis":{"instrument":"SV_999"},
                 "subjects":[{"vNumber":"12"}],"fields":["name","shoe_size","name"]}""");

        assertThat(e.errors()).extracting(ValidationError::toString).containsExactlyInAnyOrder(
                "purpose: unknown purpose 'TRAWLING'",
                "legalBasis.instrument: unknown instrument 'SV_999'",
                "subjects[0].vNumber: must be ten digits",
                "fields[1]: unknown field 'shoe_size'",
                "fields[2]: field 'name' is requested twice");
    }

    @Test
    void identityInTheBodyIsRefused() {
        RequestValidationException e = invalid("""
                {"requestId":"POL-1","purpose":"CRIMINAL_INVESTIGATION","subjects":[],"fields":["name"],
                 "requester":{"unit":"Someone-Else"}}""");

        assertThat(e.errors()).extracting(ValidationError::property).containsExactly("requester");
    }

    @Test
    void aMissingPurposeIsADecisionNotAnError() throws Exception {
        DisclosureRequest request = read("""
                {"requestId":"POL-1","subjects":[{"vNumber":"1000000001"}],"fields":["name"]}""");

        assertThat(request.purpose()).isEmpty();
        assertThat(request.legalBasis().instrument()).isEqualTo(InstrumentCode.NONE);
    }

    @Test
    void requiredPartsAreNamed() {
        assertThat(invalid("{\"purpose\":\"CRIMINAL_INVESTIGATION\"}").errors()).extracting(ValidationError::property)
                .containsExactlyInAnyOrder("requestId", "subjects", "fields");
        assertThat(invalid("[1,2]").errors()).extracting(ValidationError::property).containsExactly("$");
    }
}
