package nl.doelbinding.routes.file;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.io.RequestReader;
import nl.doelbinding.engine.io.RequestValidationException;
import nl.doelbinding.engine.io.ValidationError;
import nl.doelbinding.engine.model.Requester;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The first pass over a batch: every request is validated against the active catalogue, as {@code direct:decide}
 * would, request ids must be unique within the batch, and no request may be larger, as compact JSON, than the
 * body limit of the other channels. The first bad request fails the whole batch before anything of it is decided.
 */
final class BatchValidator implements BatchReader.Visitor {
    private final String file;
    private final RequestReader reader;
    private final Requester requester;
    private final int maxRequestBytes;
    private final Set<String> requestIds = new HashSet<>();

    BatchValidator(String file, Catalogue catalogue, Requester requester, int maxRequestBytes) {
        this.file = file;
        this.reader = new RequestReader(catalogue);
        this.requester = requester;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void request(int index, ObjectNode request) {
        int bytes = request.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxRequestBytes) {
            throw BatchProblem.request(file, index, "requests[" + index + "]", "is " + bytes + " bytes as compact JSON;"
                    + " a request may be at most " + maxRequestBytes + " bytes, as on the other channels");
        }
        try {
            reader.read(request, requester);
        } catch (RequestValidationException e) {
            ValidationError first = e.errors().get(0);
            throw BatchProblem.request(file, index, "requests[" + index + "]." + first.property(), first.message()
                    + (e.errors().size() > 1 ? " (and " + (e.errors().size() - 1) + " more problems in this request)" : ""));
        }
        String requestId = request.path("requestId").asText();
        if (!requestIds.add(requestId)) {
            throw BatchProblem.request(file, index, "requests[" + index + "].requestId",
                    "is used by an earlier request of this batch; every request needs its own requestId");
        }
    }
}
