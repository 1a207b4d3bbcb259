package nl.doelbinding.engine.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.catalogue.FieldDefinition;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.FieldDecision;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.RuleHit;
import nl.doelbinding.engine.model.RuleId;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.ruleset.Evaluation;

/**
 * Turns the rules that fired into a decision. The semantics legal authors rely on:
 * <ul>
 * <li>request-level rules apply to every field; a request-level rejection rejects the whole request;</li>
 * <li>default deny: a field that no field rule decides is rejected (purpose limitation);</li>
 * <li>most restrictive wins; on a tie, request-level rules first, then ruleset order;</li>
 * <li>a redaction the catalogue has no method for is a rejection (fail closed).</li>
 * </ul>
 */
public final class Combiner {
    static final String DEFAULT_CITATION = "AVG art. 5(1)(b)-(c)";
    static final String DEFAULT_EXPLANATION = "No rule permits this field for this purpose, so it is not released"
            + " (purpose limitation and data minimisation).";

    public Decision combine(DisclosureRequest request, Evaluation evaluation, RulesetRef ruleset,
                            Catalogue catalogue) {
        List<RuleHit> requestHits = evaluation.requestHits();
        Optional<RuleHit> requestRejection = requestHits.stream()
                .filter(h -> h.outcome() == FieldOutcome.REJECT).findFirst();
        List<FieldDecision> fields = new ArrayList<>(request.fields().size());
        for (FieldName field : request.fields()) {
            List<RuleHit> fieldHits = evaluation.fieldHits().getOrDefault(field, List.of());
            List<RuleHit> fired = new ArrayList<>(requestHits.size() + fieldHits.size());
            fired.addAll(requestHits);
            fired.addAll(fieldHits);
            RuleHit decisive;
            if (requestRejection.isPresent()) {
                decisive = requestRejection.get();
            } else if (fieldHits.isEmpty()) {
                decisive = new RuleHit(RuleId.DEFAULT_DENY, FieldOutcome.REJECT, DEFAULT_CITATION,
                        DEFAULT_EXPLANATION);
            } else {
                decisive = mostRestrictive(fired);
            }
            decisive = withRedactionMethod(decisive, catalogue.field(field));
            fields.add(new FieldDecision(field, decisive.outcome(), decisive, fired));
        }
        OverallDecision overall = overall(requestRejection.isPresent(), fields);
        return new Decision(request.requestId(), overall, ruleset, requestHits, fields);
    }

    private static RuleHit mostRestrictive(List<RuleHit> hits) {
        RuleHit decisive = hits.get(0);
        for (RuleHit hit : hits) {
            if (hit.outcome().isMoreRestrictiveThan(decisive.outcome())) {
                decisive = hit;
            }
        }
        return decisive;
    }

    private static RuleHit withRedactionMethod(RuleHit decisive, Optional<FieldDefinition> definition) {
        boolean available = switch (decisive.outcome()) {
            case MASK -> definition.flatMap(FieldDefinition::mask).isPresent();
            case GENERALISE -> definition.flatMap(FieldDefinition::generalise).isPresent();
            case DISCLOSE, PSEUDONYMISE -> definition.isPresent();
            case ESCALATE, REJECT -> true;
        };
        if (available) {
            return decisive;
        }
        return new RuleHit(RuleId.NO_REDACTION_METHOD, FieldOutcome.REJECT, "AVG art. 5(1)(c); art. 25(2)",
                "Rule " + decisive.rule() + " asks to " + decisive.outcome().name().toLowerCase()
                        + " this field, but the catalogue defines no method for that, so it is not released.");
    }

    /**
     * The overall decision from the field decisions alone: {@code REJECTED} when a request-level rule
     * rejected or every field is rejected; else {@code ESCALATED} when any field is escalated; else
     * {@code PARTIALLY_RELEASED} when any field is rejected; else {@code RELEASED}. It reads only the
     * fields' outcomes, which is what lets a verifier reason about every set of fields at once.
     */
    public static OverallDecision overall(boolean requestRejected, List<FieldDecision> fields) {
        if (requestRejected || fields.isEmpty()) {
            return OverallDecision.REJECTED;
        }
        boolean escalated = fields.stream().anyMatch(f -> f.outcome() == FieldOutcome.ESCALATE);
        long rejected = fields.stream().filter(f -> f.outcome() == FieldOutcome.REJECT).count();
        if (escalated) {
            return OverallDecision.ESCALATED;
        }
        if (rejected == fields.size()) {
            return OverallDecision.REJECTED;
        }
        return rejected > 0 ? OverallDecision.PARTIALLY_RELEASED : OverallDecision.RELEASED;
    }
}
