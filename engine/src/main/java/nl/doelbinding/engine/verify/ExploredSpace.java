package nl.doelbinding.engine.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import nl.doelbinding.engine.DecisionEngine;
import nl.doelbinding.engine.catalogue.FieldDefinition;
import nl.doelbinding.engine.decision.Combiner;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.FieldDecision;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.RuleHit;
import nl.doelbinding.engine.model.RuleId;

/**
 * Every one-field request of a {@link DecisionSpace}, decided by the real engine, plus a cross-check of
 * field independence: per context, the request for all fields at once must decide each field exactly as
 * the one-field request did, and its overall decision must follow from the field outcomes alone.
 */
final class ExploredSpace {
    private static final int MAX_REPORTED = 5;

    final DecisionSpace space;
    final List<FieldName> fieldNames;
    /** Per context: whether a request-level rule rejected it. */
    final boolean[] requestRejected;
    /** Per context and field: the decision on the field in the one-field request. */
    final FieldDecision[][] fields;
    /** Per context and field: the overall decision of the one-field request. */
    final OverallDecision[][] overall;
    final Set<RuleId> fired;
    final Set<RuleId> decided;
    final List<String> problems;
    final long evaluations;

    private ExploredSpace(DecisionSpace space, boolean[] requestRejected, FieldDecision[][] fields,
                          OverallDecision[][] overall, List<String> problems) {
        this.space = space;
        this.fieldNames = space.fields().stream().map(FieldDefinition::name).toList();
        this.requestRejected = requestRejected;
        this.fields = fields;
        this.overall = overall;
        this.problems = List.copyOf(problems);
        Set<RuleId> firedRules = new LinkedHashSet<>();
        Set<RuleId> decidingRules = new LinkedHashSet<>();
        for (FieldDecision[] row : fields) {
            for (FieldDecision d : row) {
                d.fired().forEach(h -> firedRules.add(h.rule()));
                decidingRules.add(d.decidedBy().rule());
            }
        }
        this.fired = Collections.unmodifiableSet(firedRules);
        this.decided = Collections.unmodifiableSet(decidingRules);
        this.evaluations = space.oneFieldRequests() + space.contexts().size();
    }

    /** Decides every one-field request, and every all-field request for the cross-check, in parallel. */
    static ExploredSpace explore(DecisionEngine engine, DecisionSpace space) {
        List<RequestContext> contexts = space.contexts();
        List<FieldName> names = space.fields().stream().map(FieldDefinition::name).toList();
        int n = contexts.size();
        boolean[] rejected = new boolean[n];
        FieldDecision[][] fields = new FieldDecision[n][names.size()];
        OverallDecision[][] overall = new OverallDecision[n][names.size()];
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        IntStream.range(0, n).parallel().forEach(i -> {
            RequestContext context = contexts.get(i);
            List<RuleHit> requestRules = null;
            for (int f = 0; f < names.size(); f++) {
                Decision decision = engine.decide(context.request(List.of(names.get(f))));
                fields[i][f] = decision.fields().get(0);
                overall[i][f] = decision.overall();
                if (requestRules == null) {
                    requestRules = decision.requestRules();
                } else if (!requestRules.equals(decision.requestRules())) {
                    problems.add("request rules differ between fields for " + context);
                }
                if (fields[i][f].decidedBy().rule().equals(RuleId.ENGINE_ERROR)) {
                    problems.add("evaluation failed (fail closed) for field " + names.get(f) + ", " + context);
                }
            }
            rejected[i] = requestRules != null
                    && requestRules.stream().anyMatch(h -> h.outcome() == FieldOutcome.REJECT);
            crossCheck(engine, context, names, fields[i], rejected[i], problems);
        });
        List<String> reported = new ArrayList<>(problems.stream().sorted().limit(MAX_REPORTED).toList());
        if (problems.size() > MAX_REPORTED) {
            reported.add("... and " + (problems.size() - MAX_REPORTED) + " more");
        }
        return new ExploredSpace(space, rejected, fields, overall, reported);
    }

    private static void crossCheck(DecisionEngine engine, RequestContext context, List<FieldName> names,
                                   FieldDecision[] single, boolean rejected, List<String> problems) {
        if (names.isEmpty()) {
            return;
        }
        Decision all = engine.decide(context.request(names));
        for (int f = 0; f < names.size(); f++) {
            if (!all.fields().get(f).equals(single[f])) {
                problems.add("field independence fails: " + names.get(f) + " is decided "
                        + all.fields().get(f).outcome() + " by " + all.fields().get(f).decidedBy().rule()
                        + " with all fields requested, but " + single[f].outcome() + " by "
                        + single[f].decidedBy().rule() + " alone, for " + context);
            }
        }
        OverallDecision predicted = Combiner.overall(rejected, List.of(single));
        if (all.overall() != predicted) {
            problems.add("the overall decision with all fields requested is " + all.overall()
                    + ", not " + predicted + " as the field outcomes imply, for " + context);
        }
    }
}
