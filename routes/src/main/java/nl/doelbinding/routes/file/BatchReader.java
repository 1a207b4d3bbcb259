package nl.doelbinding.routes.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams a batch envelope {@code { "requests": [ ... ] }} (api.md section 6): one request at a time is read into
 * memory and handed on, so a batch of any size needs the memory of its largest request only. JSON errors are
 * reported by position, never by quoting the content.
 */
final class BatchReader {
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    /** Receives each request of the batch, in order. */
    @FunctionalInterface
    interface Visitor {
        void request(int index, ObjectNode request);
    }

    private BatchReader() {
    }

    /** Reads the batch, calling {@code visitor} per request; returns how many requests it held. */
    static int read(Path file, String name, Visitor visitor) throws IOException {
        int index = -1;
        int count = 0;
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw BatchProblem.envelope(name, "$", "a batch is a JSON object { \"requests\": [ ... ] }");
            }
            boolean found = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String property = parser.currentName();
                parser.nextToken();
                if (!"requests".equals(property) || found) {
                    throw BatchProblem.envelope(name, property, "is not part of a batch envelope, which holds"
                            + " one property: \"requests\"");
                }
                if (parser.currentToken() != JsonToken.START_ARRAY) {
                    throw BatchProblem.envelope(name, "requests", "must be an array of requests");
                }
                found = true;
                index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (parser.currentToken() != JsonToken.START_OBJECT) {
                        throw BatchProblem.request(name, index, "requests[" + index + "]", "must be a request object");
                    }
                    JsonNode request = JSON.readTree(parser);
                    visitor.request(index, (ObjectNode) request);
                    index++;
                }
                count = index;
                index = -1;
            }
            if (!found) {
                throw BatchProblem.envelope(name, "requests", "is missing: a batch holds { \"requests\": [ ... ] }");
            }
            if (parser.nextToken() != null) {
                throw BatchProblem.envelope(name, "$", "has content after the batch envelope");
            }
            return count;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            if (index >= 0) {
                throw BatchProblem.request(name, index, "requests[" + index + "]", "is not valid JSON" + where);
            }
            throw BatchProblem.envelope(name, "$", "is not valid JSON" + where);
        }
    }
}
