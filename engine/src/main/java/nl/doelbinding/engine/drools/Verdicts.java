package nl.doelbinding.engine.drools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.RuleHit;
import nl.doelbinding.engine.ruleset.RuleInfo;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The only global a rule may use: it records what a rule decided. A rule's action is always
 * {@code verdicts.field(...)} or {@code verdicts.request(...)}, then {@code .citing("...")}, then
 * {@code .because("...")}, which records the hit. One instance per evaluation; not thread-safe.
 */
public final class Verdicts {
    private final Map<String, RuleInfo> rulesByName;
    private final List<Pending> requestHits = new ArrayList<>(4);
    private final Map<FieldName, List<Pending>> fieldHits;
    private RuleInfo rule;
    private FieldName field;
    private FieldOutcome outcome;
    private String citation;

    Verdicts(Map<String, RuleInfo> rulesByName, int fieldCount) {
        this.rulesByName = rulesByName;
        this.fieldHits = new HashMap<>(fieldCount * 2);
    }

    /** Starts a verdict on the field under decision. */
    public Verdicts field(RuleContext context, FieldFact fact, FieldOutcome decided) {
        start(context, decided);
        this.field = fact.field();
        return this;
    }

    /** Starts a verdict on the request as a whole. */
    public Verdicts request(RuleContext context, FieldOutcome decided) {
        start(context, decided);
        this.field = null;
        return this;
    }

    private void start(RuleContext context, FieldOutcome decided) {
        this.rule = rulesByName.get(context.getRule().getName());
        if (rule == null) {
            throw new IllegalStateException("a rule fired that the ruleset does not list");
        }
        this.outcome = decided;
        this.citation = null;
    }

    public Verdicts citing(String legalCitation) {
        this.citation = legalCitation;
        return this;
    }

    /** Records the verdict with its explanation. */
    public void because(String explanation) {
        if (rule == null || citation == null) {
            throw new IllegalStateException("a verdict needs a rule and a citation");
        }
        Pending hit = new Pending(rule, new RuleHit(rule.id(), outcome, citation, explanation));
        if (field == null) {
            requestHits.add(hit);
        } else {
            fieldHits.computeIfAbsent(field, f -> new ArrayList<>(4)).add(hit);
        }
        rule = null;
    }

    List<RuleHit> requestHits() {
        return inRulesetOrder(requestHits);
    }

    Map<FieldName, List<RuleHit>> fieldHits() {
        Map<FieldName, List<RuleHit>> ordered = new HashMap<>(fieldHits.size() * 2);
        fieldHits.forEach((name, hits) -> ordered.put(name, inRulesetOrder(hits)));
        return ordered;
    }

    private static List<RuleHit> inRulesetOrder(List<Pending> hits) {
        hits.sort((a, b) -> Integer.compare(a.rule.order(), b.rule.order()));
        List<RuleHit> result = new ArrayList<>(hits.size());
        for (Pending p : hits) {
            result.add(p.hit);
        }
        return result;
    }

    private record Pending(RuleInfo rule, RuleHit hit) {
    }
}
