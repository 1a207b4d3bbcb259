package nl.doelbinding.engine.verify;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import nl.doelbinding.engine.decision.RulesetDecisionEngine;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.FieldDecision;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.RequestHistory;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.RuleInfo;

/**
 * Proves invariants of a compiled ruleset over its whole decision space, or finds the smallest request
 * that breaks each one; also finds dead and shadowed rules. One verification decides every one-field
 * request once (with one engine, in parallel) and checks every invariant against those decisions.
 * <ul>
 * <li>{@code fieldOutcomeIn}: checked on every in-scope field of every in-scope one-field request; by
 * field independence a field is decided the same in any request with the same request-level facts.</li>
 * <li>{@code decisionIn}: checked on every non-empty set of in-scope fields, through the lemma that the
 * overall decision depends only on the field outcomes ({@link
 * nl.doelbinding.engine.decision.Combiner#overall}): the decisions reachable from a set of fields are
 * those of its one-field requests, plus {@code PARTIALLY_RELEASED} when one field is released and
 * another rejected (and no request-level rule rejects).</li>
 * </ul>
 */
public final class InvariantVerifier {

    /** Verifies {@code invariants} on {@code ruleset}'s whole decision space. */
    public VerificationReport verify(CompiledRuleset ruleset, List<Invariant> invariants) {
        long start = System.nanoTime();
        RulesetDecisionEngine engine = new RulesetDecisionEngine(ruleset,
                new RulesetRef(OptionalInt.empty(), ruleset.sha256()));
        DecisionSpace space = DecisionSpace.of(ruleset);
        ExploredSpace explored = ExploredSpace.explore(engine, space);
        List<InvariantResult> results = new ArrayList<>();
        for (Invariant invariant : invariants) {
            results.add(check(invariant, explored, engine));
        }
        List<RuleInfo> dead = ruleset.rules().stream().filter(r -> !explored.fired.contains(r.id())).toList();
        List<RuleInfo> shadowed = ruleset.rules().stream()
                .filter(r -> explored.fired.contains(r.id()) && !explored.decided.contains(r.id())).toList();
        List<String> problems = new ArrayList<>(space.uncovered());
        problems.addAll(explored.problems);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new VerificationReport(ruleset.sha256(), space.describe(), space.oneFieldRequests(),
                explored.evaluations, results, dead, shadowed, problems, took);
    }

    private static InvariantResult check(Invariant invariant, ExploredSpace explored, RulesetDecisionEngine engine) {
        InvariantScope scope = inSpace(invariant.when(), explored.space);
        List<Check> checks = new ArrayList<>();
        invariant.fieldOutcomeIn().ifPresent(allowed -> checks.add(fieldOutcomes(invariant, scope, allowed, explored)));
        invariant.decisionIn().ifPresent(allowed -> checks.add(decisions(invariant, scope, allowed, explored)));
        BigInteger requests = checks.stream().map(Check::requests).reduce(BigInteger.ZERO, BigInteger::max);
        Optional<Witness> smallest = checks.stream().flatMap(c -> c.witness().stream()).min(Witness.ORDER);
        if (smallest.isEmpty()) {
            return new InvariantResult.Proven(invariant, requests);
        }
        return new InvariantResult.Violated(invariant, requests,
                counterexample(invariant, smallest.get(), explored, engine));
    }

    /** The first in-scope one-field request whose field outcome is not allowed. */
    private static Check fieldOutcomes(Invariant invariant, InvariantScope scope, Set<FieldOutcome> allowed,
                                       ExploredSpace explored) {
        long requests = 0;
        Witness found = null;
        List<RequestContext> contexts = explored.space.contexts();
        List<Integer> inScope = fieldsInScope(invariant, explored);
        for (int c = 0; c < contexts.size(); c++) {
            if (!scope.covers(contexts.get(c))) {
                continue;
            }
            for (int f : inScope) {
                requests++;
                if (found == null && !allowed.contains(explored.fields[c][f].outcome())) {
                    found = new Witness(c, List.of(f), Kind.FIELD_OUTCOME);
                }
            }
        }
        return new Check(BigInteger.valueOf(requests), Optional.ofNullable(found));
    }

    /** The smallest in-scope request (context and non-empty set of in-scope fields) whose decision is not allowed. */
    private static Check decisions(Invariant invariant, InvariantScope scope, Set<OverallDecision> allowed,
                                   ExploredSpace explored) {
        List<Integer> inScope = fieldsInScope(invariant, explored);
        BigInteger sets = BigInteger.TWO.pow(inScope.size()).subtract(BigInteger.ONE);
        BigInteger requests = BigInteger.ZERO;
        Witness best = null;
        List<RequestContext> contexts = explored.space.contexts();
        for (int c = 0; c < contexts.size(); c++) {
            if (!scope.covers(contexts.get(c)) || inScope.isEmpty()) {
                continue;
            }
            requests = requests.add(sets);
            if (best != null && best.fields().size() == 1) {
                continue; // contexts come smallest first: a later one-field witness is no smaller
            }
            List<Integer> witness = decisionWitness(explored, c, inScope, allowed);
            if (witness != null && (best == null || witness.size() < best.fields().size())) {
                best = new Witness(c, witness, Kind.DECISION);
            }
        }
        return new Check(requests, Optional.ofNullable(best));
    }

    /** Fields of a smallest request in context {@code c} whose overall decision is not allowed, or null. */
    private static List<Integer> decisionWitness(ExploredSpace explored, int c, List<Integer> inScope,
                                                 Set<OverallDecision> allowed) {
        for (int f : inScope) {
            if (!allowed.contains(explored.overall[c][f])) {
                return List.of(f);
            }
        }
        if (explored.requestRejected[c] || allowed.contains(OverallDecision.PARTIALLY_RELEASED)) {
            return null;
        }
        Integer released = null;
        Integer rejected = null;
        for (int f : inScope) {
            FieldOutcome outcome = explored.fields[c][f].outcome();
            if (released == null && outcome.releases()) {
                released = f;
            }
            if (rejected == null && outcome == FieldOutcome.REJECT) {
                rejected = f;
            }
        }
        if (released == null || rejected == null) {
            return null;
        }
        return List.of(Math.min(released, rejected), Math.max(released, rejected));
    }

    /** The scope with each count an invariant names replaced by the count that stands for it. */
    private static InvariantScope inSpace(InvariantScope when, DecisionSpace space) {
        return when.withCounts(
                when.subjects().map(counts -> counts.stream().map(space::representative).collect(Collectors.toSet())),
                when.earlierRequests().map(counts -> counts.stream().map(space::representativeEarlier)
                        .collect(Collectors.toSet())),
                when.coverages().map(counts -> counts.stream().map(space::representativeCoverage)
                        .collect(Collectors.toSet())));
    }

    private static List<Integer> fieldsInScope(Invariant invariant, ExploredSpace explored) {
        List<Integer> inScope = new ArrayList<>();
        for (int f = 0; f < explored.space.fields().size(); f++) {
            if (invariant.when().covers(explored.space.fields().get(f))) {
                inScope.add(f);
            }
        }
        return inScope;
    }

    private static Counterexample counterexample(Invariant invariant, Witness witness, ExploredSpace explored,
                                                 RulesetDecisionEngine engine) {
        RequestContext context = explored.space.contexts().get(witness.context());
        int represented = context.subjects();
        // the smallest count the invariant names that this context stands for, so the request is literally in scope
        context = context.withSubjects(invariant.when().subjects().flatMap(counts -> counts.stream()
                .filter(n -> explored.space.representative(n) == represented).min(Integer::compare))
                .orElse(represented));
        RequestHistory history = context.history();
        int earlier = invariant.when().earlierRequests().flatMap(counts -> counts.stream()
                .filter(n -> explored.space.representativeEarlier(n) == history.earlierRequests())
                .min(Integer::compare)).orElse(history.earlierRequests());
        int coverage = invariant.when().coverages().flatMap(counts -> counts.stream()
                .filter(n -> explored.space.representativeCoverage(n) == history.locationCoverage())
                .min(Integer::compare)).orElse(history.locationCoverage());
        context = context.withHistory(new RequestHistory(earlier, coverage));
        List<FieldName> fields = witness.fields().stream().map(explored.fieldNames::get).toList();
        var request = context.request(fields);
        Decision decision = engine.decide(request);
        String wanted;
        String got;
        if (witness.kind() == Kind.FIELD_OUTCOME) {
            FieldDecision field = decision.fields().get(0);
            wanted = "the outcome of " + field.field() + " in " + sorted(invariant.fieldOutcomeIn().orElseThrow());
            got = ScenarioCaseYaml.outcome(field);
            if (invariant.fieldOutcomeIn().orElseThrow().contains(field.outcome())) {
                throw new IllegalStateException("the engine decided the counterexample differently on a second run");
            }
        } else {
            wanted = "the decision in " + sorted(invariant.decisionIn().orElseThrow());
            got = decision.overall().name();
            if (invariant.decisionIn().orElseThrow().contains(decision.overall())) {
                throw new IllegalStateException("the overall decision does not follow from the field outcomes");
            }
        }
        return new Counterexample(invariant, request, decision, wanted, got);
    }

    private static <E extends Enum<E>> String sorted(Set<E> values) {
        return values.stream().sorted().map(Enum::name).toList().toString();
    }

    private enum Kind { FIELD_OUTCOME, DECISION }

    /** A violating request: its context's index and its fields' indices, smallest first. */
    private record Witness(int context, List<Integer> fields, Kind kind) {
        static final Comparator<Witness> ORDER = Comparator.<Witness>comparingInt(w -> w.fields.size())
                .thenComparingInt(Witness::context).thenComparing(w -> w.fields.toString());
    }

    /** How many requests one requirement covers, and the smallest that breaks it, if any. */
    private record Check(BigInteger requests, Optional<Witness> witness) {
    }
}
