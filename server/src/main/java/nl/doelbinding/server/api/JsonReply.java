package nl.doelbinding.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import org.apache.camel.Exchange;

/** Sets a JSON reply on an exchange. */
final class JsonReply {
    private JsonReply() {
    }

    static void ok(Exchange exchange, JsonNode body) {
        reply(exchange, 200, body.toString(), "application/json");
    }

    /** A reply whose body is read as it is sent (chunked), for a body too large to hold in memory. */
    static void stream(Exchange exchange, int status, InputStream body, String contentType) {
        answer(exchange, status, body, contentType);
    }

    static void reply(Exchange exchange, int status, String body, String contentType) {
        answer(exchange, status, body, contentType);
    }

    private static void answer(Exchange exchange, int status, Object body, String contentType) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
        exchange.getMessage().setBody(body);
    }
}
