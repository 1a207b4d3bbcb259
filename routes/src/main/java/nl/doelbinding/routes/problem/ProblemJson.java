package nl.doelbinding.routes.problem;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.doelbinding.engine.io.ValidationError;

/** Writes a problem as {@code application/problem+json} (RFC 9457). */
public final class ProblemJson {
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemJson() {
    }

    public static ObjectNode of(ProblemException problem, String instance) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", problem.type().uri());
        node.put("title", problem.type().title());
        node.put("status", problem.type().status());
        node.put("detail", problem.detail());
        if (instance != null) {
            node.put("instance", instance);
        }
        if (!problem.errors().isEmpty()) {
            ArrayNode errors = node.putArray("errors");
            for (ValidationError error : problem.errors()) {
                errors.addObject().put("property", error.property()).put("message", error.message());
            }
        }
        return node;
    }
}
