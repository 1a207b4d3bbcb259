package nl.doelbinding.routes.file;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.doelbinding.engine.io.CanonicalJson;
import nl.doelbinding.engine.port.StoredDecision;
import nl.doelbinding.routes.Exchanges;
import nl.doelbinding.routes.flow.DecisionOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the final decision after a legal review to the outbox of the binding whose batch held the request, as a
 * decisions file of its own: {@code reviewed-<requestId>.decisions.json} (characters a file name cannot hold
 * become {@code _}, and a short hash of the request id keeps two such names apart), in the same envelope as a
 * batch's decisions. The review is already committed: a failure to write is an operator alert, and the decision
 * stays owed and is written again ({@link nl.doelbinding.routes.OwedReviewReplies}); it is also available on
 * {@code GET /api/v1/requests/{requestId}}.
 */
public final class ReviewedBatchReplies implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewedBatchReplies.class);

    private final BatchOrigins origins;
    private final Map<String, FileBinding> bindings;

    public ReviewedBatchReplies(BatchOrigins origins, List<FileBinding> bindings) {
        this.origins = origins;
        this.bindings = bindings.stream().collect(Collectors.toUnmodifiableMap(FileBinding::name, Function.identity()));
    }

    @Override
    public void process(Exchange exchange) {
        StoredDecision stored = exchange.getProperty(Exchanges.OUTCOME, DecisionOutcome.class).stored();
        Optional<FileBinding> binding = origins.bindingOf(stored.client(), stored.requestId()).map(bindings::get);
        if (binding.isEmpty()) {
            return;
        }
        try (DecisionsFile file = DecisionsFile.open(binding.get().outbox(), fileName(stored.requestId()))) {
            file.add(exchange.getMessage().getBody(String.class));
            file.commit();
        } catch (IOException | RuntimeException e) {
            exchange.setProperty(Exchanges.REPLY_OWED, true);
            LOG.error("ALERT: the final decision on request {} could not be written to the outbox of binding {} ({});"
                    + " it stays owed and is written again", stored.requestId(), binding.get().name(),
                    e.getClass().getName());
        }
    }

    /** The batch-like name the reviewed decision is written under (its decisions file drops the {@code .json}). */
    static String fileName(String requestId) {
        return "reviewed-" + requestId.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + CanonicalJson.sha256Hex(requestId).substring(0, 8) + ".json";
    }
}
