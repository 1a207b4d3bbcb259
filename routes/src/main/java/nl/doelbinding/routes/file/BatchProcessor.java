package nl.doelbinding.routes.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.engine.port.ActiveRuleset;
import nl.doelbinding.routes.Endpoints;
import nl.doelbinding.routes.Exchanges;
import nl.doelbinding.routes.LazyProducer;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.port.StoredDecision;
import nl.doelbinding.routes.flow.DecisionOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes one batch in two streaming passes: first every request is validated (a bad one fails the batch
 * before anything is decided), then each request goes through {@code direct:decide} like any other and its
 * decision is appended to the decisions file. A request decided before (by an earlier, interrupted run of this
 * batch) is answered from the record, so a batch processed again after a crash yields no second decision.
 */
public final class BatchProcessor implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);

    private final FileBinding binding;
    private final BatchIdentity identity;
    private final ActiveRuleset rulesets;
    private final BatchOrigins origins;
    private final int maxRequestBytes;
    private final LazyProducer producer = new LazyProducer();

    /** @param maxRequestBytes the largest request, as compact JSON, a batch may hold (the channels' body limit) */
    public BatchProcessor(FileBinding binding, BatchIdentity identity, ActiveRuleset rulesets, BatchOrigins origins,
                          int maxRequestBytes) {
        this.binding = binding;
        this.identity = identity;
        this.rulesets = rulesets;
        this.origins = origins;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        if (Boolean.TRUE.equals(exchange.getProperty(Exchange.DUPLICATE_MESSAGE, Boolean.class))) {
            throw BatchProblem.envelope(name, "$", "a batch named " + name + " was processed before (its decisions"
                    + " are in the outbox); a new batch needs a new file name");
        }
        Path file = exchange.getIn().getBody(java.io.File.class).toPath();
        Requester requester = identity.requester();
        var engine = rulesets.current().orElseThrow(() -> new ProblemException(ProblemType.UNAVAILABLE,
                "no ruleset is active, so nothing can be decided"));
        int requests = BatchReader.read(file, name, new BatchValidator(name, engine.ruleset().catalogue(), requester,
                maxRequestBytes));
        ProducerTemplate template = producer.of(exchange);
        int[] decided = {0};
        try (DecisionsFile decisions = DecisionsFile.open(binding.outbox(), name)) {
            BatchReader.read(file, name, (index, request) -> {
                try {
                    decisions.add(decide(template, name, index, request.toString(), requester));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                decided[0]++;
            });
            decisions.commit();
        } catch (BatchProblem problem) {
            throw problem.afterDeciding(decided[0]);
        }
        LOG.info("batch {} of binding {}: {} requests decided", name, binding.name(), requests);
    }

    private String decide(ProducerTemplate template, String name, int index, String request, Requester requester) {
        Exchange result = template.send(Endpoints.DECIDE, ex -> {
            ex.setProperty(Exchanges.REQUESTER, requester);
            ex.getIn().setHeader(Exchanges.CHANNEL, "file");
            ex.getIn().setBody(request.getBytes(StandardCharsets.UTF_8));
        });
        Exception failure = result.getException();
        if (failure instanceof ProblemException problem && problem.type() != ProblemType.UNAVAILABLE) {
            String property = problem.errors().isEmpty() ? "requests[" + index + "]"
                    : "requests[" + index + "]." + problem.errors().get(0).property();
            throw BatchProblem.request(name, index, property, problem.detail());
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IllegalStateException("deciding a batch request failed", failure);
        }
        StoredDecision stored = result.getProperty(Exchanges.OUTCOME, DecisionOutcome.class).stored();
        if (stored.overall() == OverallDecision.ESCALATED) {
            origins.remember(stored.client(), stored.requestId(), binding.name());
        }
        return result.getMessage().getBody(String.class);
    }
}
