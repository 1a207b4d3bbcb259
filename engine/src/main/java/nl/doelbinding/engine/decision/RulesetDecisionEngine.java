package nl.doelbinding.engine.decision;

import java.util.ArrayList;
import java.util.List;
import nl.doelbinding.engine.DecisionEngine;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.FieldDecision;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.RuleHit;
import nl.doelbinding.engine.model.RuleId;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides requests under one compiled ruleset version. Fails closed: if evaluation throws, the request
 * is rejected with an error citation and an operator alert is logged (without personal data).
 */
public final class RulesetDecisionEngine implements DecisionEngine {
    private static final Logger LOG = LoggerFactory.getLogger(RulesetDecisionEngine.class);
    static final RuleHit ENGINE_ERROR = new RuleHit(RuleId.ENGINE_ERROR, FieldOutcome.REJECT,
            "AVG art. 5(1)(f); art. 24",
            "The request could not be evaluated safely, so nothing is released; the operators have been alerted.");

    private final CompiledRuleset ruleset;
    private final RulesetRef reference;
    private final Combiner combiner = new Combiner();

    public RulesetDecisionEngine(CompiledRuleset ruleset, RulesetRef reference) {
        if (!ruleset.sha256().equals(reference.sha256())) {
            throw new IllegalArgumentException("the reference does not name this ruleset");
        }
        this.ruleset = ruleset;
        this.reference = reference;
    }

    public CompiledRuleset ruleset() {
        return ruleset;
    }

    public RulesetRef reference() {
        return reference;
    }

    @Override
    public Decision decide(DisclosureRequest request) {
        try {
            return combiner.combine(request, ruleset.evaluate(request), reference, ruleset.catalogue());
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("ALERT: evaluation failed for request {} under ruleset {}; rejected (fail closed): {}",
                    request.requestId(), reference.sha256(), e.getClass().getName());
            return failClosed(request, reference);
        }
    }

    /** The decision when evaluation failed: everything rejected, citing the engine error. */
    public static Decision failClosed(DisclosureRequest request, RulesetRef reference) {
        List<FieldDecision> fields = new ArrayList<>();
        for (FieldName field : request.fields()) {
            fields.add(new FieldDecision(field, FieldOutcome.REJECT, ENGINE_ERROR, List.of(ENGINE_ERROR)));
        }
        return new Decision(request.requestId(), OverallDecision.REJECTED, reference, List.of(ENGINE_ERROR), fields);
    }
}
