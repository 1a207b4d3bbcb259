package nl.doelbinding.server.it;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Every caller against every endpoint that exists, with the status api.md section 4 implies: 401 without a
 * token, 403 for a role the endpoint does not name, the handler's own answer otherwise (404 on REVIEW: the
 * reviewer reached the handler, the review id is made up; 409 on WRITTEN_ORDER: the request had no oral order;
 * 400 on UPLOAD_RULESET: the body holds no files; 409 on APPROVE_ and ACTIVATE_RULESET: version 1 is already
 * approved and active).
 */
final class RoleMatrix {
    static final String TABLE = """
            endpoint          police-demo author approver reviewer auditor admin privacy nobody none
            SUBMIT            200         403    403      403      403     403   403     403    401
            READ_REQUEST      200         403    403      403      200     403   403     403    401
            WRITTEN_ORDER     409         403    403      403      403     403   403     403    401
            ORAL_ORDERS       403         403    403      200      200     403   403     403    401
            LIST_ESCALATIONS  403         403    403      200      403     403   403     403    401
            REVIEW            403         403    403      404      403     403   403     403    401
            AUDIT             403         403    403      403      200     403   403     403    401
            AUDIT_VERIFY      403         403    403      403      200     403   403     403    401
            AUDIT_EXPORT      403         403    403      403      200     403   403     403    401
            DISCLOSURES       403         403    403      403      200     403   200     403    401
            LIST_RULESETS     403         200    200      403      200     200   403     403    401
            SHOW_RULESET      403         200    200      403      200     200   403     403    401
            RULESET_FILE      403         200    200      403      200     200   403     403    401
            RULESET_DIFF      403         200    200      403      200     200   403     403    401
            UPLOAD_RULESET    403         400    403      403      403     403   403     403    401
            APPROVE_RULESET   403         403    409      403      403     403   403     403    401
            ACTIVATE_RULESET  403         403    403      403      403     409   403     403    401
            REPLAY_RULESET    403         200    200      403      200     403   403     403    401
            """;
    /** The resident the matrix asks about; no other test names it. */
    static final String RESIDENT = "1000000010";

    private RoleMatrix() {
    }

    /** (endpoint, caller label, expected status), one per cell of {@link #TABLE}. */
    static Stream<Arguments> cells() {
        Iterator<String> lines = TABLE.lines().iterator();
        String[] callers = lines.next().trim().split("\\s+");
        List<Arguments> cases = new ArrayList<>();
        lines.forEachRemaining(line -> {
            String[] cells = line.trim().split("\\s+");
            for (int i = 1; i < cells.length; i++) {
                cases.add(Arguments.of(cells[0], callers[i], Integer.parseInt(cells[i])));
            }
        });
        return cases.stream();
    }

    /** Calls the endpoint as the caller; {@code readable} is a request police-demo made. */
    static Api.Reply call(RunningServer it, String endpoint, Caller caller, String readable) {
        String token = it.tokens.of(caller);
        return switch (endpoint) {
            case "SUBMIT" -> it.api.post("/api/v1/requests", token,
                    RequestBody.identification(it.requestId("MATRIX"), RESIDENT).json());
            case "READ_REQUEST" -> it.api.get("/api/v1/requests/" + readable, token);
            case "WRITTEN_ORDER" -> it.api.post("/api/v1/requests/" + readable + "/written-order", token,
                    "{\"reference\":\"PV-MATRIX\"}");
            case "ORAL_ORDERS" -> it.api.get("/api/v1/oral-orders", token);
            case "LIST_ESCALATIONS" -> it.api.get("/api/v1/escalations?status=OPEN", token);
            case "REVIEW" -> it.api.post("/api/v1/escalations/" + UUID.randomUUID() + "/review", token,
                    "{\"fields\":{\"health\":{\"outcome\":\"REJECT\",\"motivation\":\"Matrix.\"}}}");
            case "AUDIT" -> it.api.get("/api/v1/audit", token);
            case "AUDIT_VERIFY" -> it.api.get("/api/v1/audit/verify", token);
            case "AUDIT_EXPORT" -> it.api.get("/api/v1/audit/export", token);
            case "DISCLOSURES" -> it.api.get("/api/v1/subjects/" + RESIDENT + "/disclosures", token);
            case "LIST_RULESETS" -> it.api.get("/api/v1/rulesets", token);
            case "SHOW_RULESET" -> it.api.get("/api/v1/rulesets/1", token);
            case "RULESET_FILE" -> it.api.get("/api/v1/rulesets/1/files/ruleset.yaml", token);
            case "RULESET_DIFF" -> it.api.get("/api/v1/rulesets/1/diff?against=1", token);
            case "UPLOAD_RULESET" -> it.api.post("/api/v1/rulesets", token, "{\"comment\":\"matrix\",\"files\":{}}");
            case "APPROVE_RULESET" -> it.api.post("/api/v1/rulesets/1/approve", token, "{}");
            case "ACTIVATE_RULESET" -> it.api.post("/api/v1/rulesets/1/activate", token, "{}");
            case "REPLAY_RULESET" -> it.api.post("/api/v1/rulesets/1/replay", token, "{}");
            default -> throw new IllegalArgumentException("no endpoint " + endpoint);
        };
    }
}
