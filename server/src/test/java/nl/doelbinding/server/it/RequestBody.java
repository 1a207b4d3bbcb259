package nl.doelbinding.server.it;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A disclosure request (api.md section 2) as a police system would write it. */
final class RequestBody {
    private final ObjectNode node = Api.JSON.createObjectNode();

    private RequestBody(String requestId, String purpose, String instrument) {
        node.put("requestId", requestId);
        node.put("purpose", purpose);
        node.putObject("legalBasis").put("instrument", instrument).put("oral", false);
        node.put("justification", "Integration test of the disclosure server.");
    }

    static RequestBody of(String requestId, String purpose, String instrument) {
        return new RequestBody(requestId, purpose, instrument);
    }

    /** Row F: identification under a 126nc order, with the order and case references it needs. */
    static RequestBody identification(String requestId, String... vNumbers) {
        return of(requestId, "IDENTIFICATION", "SV_126NC").reference("PV-2026-0106").caseReference("ZAAK-2026-0106")
                .subjects(vNumbers).fields("name", "date_of_birth", "sex", "v_number");
    }

    /** The api.md example: tracing under a 126nd order; health is refused, the location generalised. */
    static RequestBody trace(String requestId, String vNumber) {
        return of(requestId, "TRACE_MISSING_RESIDENT", "SV_126ND").reference("OvJ-Rotterdam-2026-4411")
                .caseReference("ZAAK-2026-77").subjects(vNumber)
                .fields("name", "date_of_birth", "current_location", "health");
    }

    /** Row E: an investigation under a 126nf order; the special category waits for a reviewer. */
    static RequestBody investigation126nf(String requestId, String vNumber) {
        return of(requestId, "CRIMINAL_INVESTIGATION", "SV_126NF").reference("OvJ-Den-Haag-2026-0912")
                .authorisationReference("RC-Den-Haag-2026-0077").caseReference("ZAAK-2026-0912")
                .subjects(vNumber).fields("name", "health");
    }

    /** The order was given orally (urgent); its written form follows. */
    RequestBody oral() {
        ((ObjectNode) node.get("legalBasis")).put("oral", true);
        return this;
    }

    RequestBody reference(String reference) {
        ((ObjectNode) node.get("legalBasis")).put("reference", reference);
        return this;
    }

    RequestBody authorisationReference(String reference) {
        ((ObjectNode) node.get("legalBasis")).put("authorisationReference", reference);
        return this;
    }

    RequestBody caseReference(String reference) {
        node.put("caseReference", reference);
        return this;
    }

    RequestBody subjects(String... vNumbers) {
        ArrayNode subjects = node.putArray("subjects");
        for (String v : vNumbers) {
            subjects.addObject().put("vNumber", v);
        }
        return this;
    }

    RequestBody fields(String... fields) {
        ArrayNode list = node.putArray("fields");
        for (String f : fields) {
            list.add(f);
        }
        return this;
    }

    RequestBody justification(String text) {
        node.put("justification", text);
        return this;
    }

    String requestId() {
        return node.path("requestId").asText();
    }

    String purpose() {
        return node.path("purpose").asText();
    }

    List<String> vNumbers() {
        List<String> result = new ArrayList<>();
        node.path("subjects").forEach(s -> result.add(s.path("vNumber").asText()));
        return result;
    }

    List<String> fieldList() {
        List<String> result = new ArrayList<>();
        node.path("fields").forEach(f -> result.add(f.asText()));
        return result;
    }

    String json() {
        return node.toString();
    }
}
