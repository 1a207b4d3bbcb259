package nl.doelbinding.engine.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.catalogue.FieldDefinition;
import nl.doelbinding.engine.catalogue.InstrumentDefinition;
import nl.doelbinding.engine.catalogue.PurposeDefinition;
import nl.doelbinding.engine.io.RequestReader;
import nl.doelbinding.engine.model.InstrumentCode;
import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.model.RequestHistory;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.RequestConditions;

/**
 * The whole decision space of a ruleset: every purpose (and none) x every instrument x order reference,
 * authorisation, oral, case reference (each present or not) x every subject-count class x every unit a
 * rule names (or one that none names) x every class of the requester's history (earlier requests, location
 * coverage), as request contexts, times every field of the catalogue. Contexts are ordered smallest first
 * (fewest subjects, least history, fewest elements present, catalogue order), so
 * the first violation found is the smallest counterexample.
 */
public final class DecisionSpace {
    /** The unit of the requests the verifier builds, unless a rule names that very unit. */
    static final String NEUTRAL_UNIT = "verify-unit";

    private final List<Optional<PurposeCode>> purposes;
    private final List<InstrumentCode> instruments;
    private final SortedSet<Integer> subjectCounts;
    private final List<String> units;
    private final List<RequestHistory> histories;
    private final List<FieldDefinition> fields;
    private final List<RequestContext> contexts;
    private final List<String> uncovered;

    private DecisionSpace(Catalogue catalogue, SortedSet<Integer> subjectCounts, List<String> units,
                          List<RequestHistory> histories, List<String> uncovered) {
        this.purposes = new ArrayList<>();
        purposes.add(Optional.empty());
        catalogue.purposes().stream().map(PurposeDefinition::code).map(Optional::of).forEach(purposes::add);
        this.instruments = catalogue.instruments().stream().map(InstrumentDefinition::code).toList();
        this.subjectCounts = subjectCounts;
        this.units = List.copyOf(units);
        this.histories = List.copyOf(histories);
        this.fields = List.copyOf(catalogue.fields());
        this.uncovered = List.copyOf(uncovered);
        this.contexts = enumerate();
    }

    /** The space of a compiled ruleset. */
    public static DecisionSpace of(CompiledRuleset ruleset) {
        RequestConditions conditions = ruleset.requestConditions();
        SortedSet<Integer> counts = new TreeSet<>();
        for (int count : conditions.subjectCounts()) {
            if (count <= RequestReader.MAX_SUBJECTS) {
                counts.add(count); // a larger count is refused before any rule sees it
            }
        }
        String neutral = NEUTRAL_UNIT;
        while (conditions.unitValues().contains(neutral)) {
            neutral = neutral + "-x";
        }
        List<String> units = new ArrayList<>();
        units.add(neutral);
        units.addAll(conditions.unitValues());
        List<RequestHistory> histories = new ArrayList<>();
        for (int earlier : conditions.earlierRequests()) {
            for (int coverage : conditions.coverages()) {
                histories.add(new RequestHistory(earlier, coverage));
            }
        }
        return new DecisionSpace(ruleset.catalogue(), counts, units, histories, conditions.uncovered());
    }

    private List<RequestContext> enumerate() {
        List<RequestContext> all = new ArrayList<>();
        boolean[] bools = {false, true};
        for (Optional<PurposeCode> purpose : purposes) {
            for (InstrumentCode instrument : instruments) {
                for (boolean reference : bools) {
                    for (boolean authorisation : bools) {
                        for (boolean oral : bools) {
                            for (boolean caseReference : bools) {
                                for (int subjects : subjectCounts) {
                                    for (String unit : units) {
                                        for (RequestHistory history : histories) {
                                            all.add(new RequestContext(purpose, instrument, reference,
                                                    authorisation, oral, caseReference, subjects, unit, history));
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        all.sort(Comparator.comparingInt(RequestContext::subjects)
                .thenComparingInt(RequestContext::historySize)
                .thenComparingInt(RequestContext::elementsPresent)
                .thenComparingInt(c -> purposes.indexOf(c.purpose()))
                .thenComparingInt(c -> instruments.indexOf(c.instrument()))
                .thenComparing(RequestContext::caseReference)
                .thenComparing(RequestContext::orderReference)
                .thenComparing(RequestContext::authorisation)
                .thenComparing(RequestContext::oral)
                .thenComparingInt(c -> units.indexOf(c.unit()))
                .thenComparingInt(c -> histories.indexOf(c.history())));
        return List.copyOf(all);
    }

    /**
     * The subject count in the space that stands for {@code count}: the largest one not above it. The
     * counts in the space start the classes the rules can tell apart, so both are decided alike.
     */
    public int representative(int count) {
        return subjectCounts.headSet(count + 1).last();
    }

    /** The earlier-request count in the space that stands for {@code count} (as {@link #representative}). */
    public int representativeEarlier(int count) {
        return floor(histories.stream().map(RequestHistory::earlierRequests), count);
    }

    /** The location coverage in the space that stands for {@code percent} (as {@link #representative}). */
    public int representativeCoverage(int percent) {
        return floor(histories.stream().map(RequestHistory::locationCoverage), percent);
    }

    private static int floor(java.util.stream.Stream<Integer> values, int value) {
        return values.filter(v -> v <= value).max(Integer::compare).orElse(0);
    }

    /** The request contexts, smallest first. */
    public List<RequestContext> contexts() {
        return contexts;
    }

    /** The catalogue's fields, in catalogue order. */
    public List<FieldDefinition> fields() {
        return fields;
    }

    public List<Optional<PurposeCode>> purposes() {
        return List.copyOf(purposes);
    }

    public List<InstrumentCode> instruments() {
        return instruments;
    }

    public SortedSet<Integer> subjectCounts() {
        return java.util.Collections.unmodifiableSortedSet(subjectCounts);
    }

    public List<String> units() {
        return units;
    }

    /** The classes of the requester's history the rules tell apart, no history first. */
    public List<RequestHistory> histories() {
        return histories;
    }

    /** Why enumerating this space would not be a proof; empty when it is one. */
    public List<String> uncovered() {
        return uncovered;
    }

    /** The number of one-field requests: contexts times fields. */
    public long oneFieldRequests() {
        return (long) contexts.size() * fields.size();
    }

    /** One line: how the space is made up. */
    public String describe() {
        return purposes.size() + " purposes (incl. none) x " + instruments.size() + " instruments x 2^4 (order"
                + " reference, authorisation, oral, case reference) x " + subjectCounts.size() + " subject counts "
                + subjectCounts + " x " + units.size() + " unit(s) x " + histories.size() + " histories (earlier"
                + " requests x location coverage) = " + contexts.size() + " request contexts; x "
                + fields.size() + " fields = " + oneFieldRequests() + " one-field requests";
    }
}
