package nl.doelbinding.engine.catalogue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.doelbinding.engine.model.FieldCategory;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.InstrumentCode;
import nl.doelbinding.engine.model.PurposeCode;

/**
 * The codes a ruleset version knows: purposes, instruments, fields, the region table used for
 * generalising locations, and policy thresholds. Immutable.
 */
public final class Catalogue {
    private final Map<PurposeCode, PurposeDefinition> purposes;
    private final Map<InstrumentCode, InstrumentDefinition> instruments;
    private final Map<FieldName, FieldDefinition> fields;
    private final Map<String, String> regions;
    private final Policy policy;

    public Catalogue(Collection<PurposeDefinition> purposes, Collection<InstrumentDefinition> instruments,
                     Collection<FieldDefinition> fields, Map<String, String> regions, Policy policy) {
        this.purposes = index(purposes, PurposeDefinition::code);
        this.instruments = index(instruments, InstrumentDefinition::code);
        this.fields = index(fields, FieldDefinition::name);
        this.regions = Map.copyOf(regions);
        this.policy = policy;
    }

    private static <K, V> Map<K, V> index(Collection<V> values, java.util.function.Function<V, K> key) {
        Map<K, V> map = new LinkedHashMap<>();
        for (V v : values) {
            if (map.put(key.apply(v), v) != null) {
                throw new IllegalArgumentException("duplicate catalogue code: " + key.apply(v));
            }
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    public Optional<PurposeDefinition> purpose(PurposeCode code) {
        return Optional.ofNullable(purposes.get(code));
    }

    public Optional<InstrumentDefinition> instrument(InstrumentCode code) {
        return Optional.ofNullable(instruments.get(code));
    }

    public Optional<FieldDefinition> field(FieldName name) {
        return Optional.ofNullable(fields.get(name));
    }

    public Collection<PurposeDefinition> purposes() {
        return purposes.values();
    }

    public Collection<InstrumentDefinition> instruments() {
        return instruments.values();
    }

    public Collection<FieldDefinition> fields() {
        return fields.values();
    }

    /** The fields of one category, in catalogue order. */
    public java.util.List<FieldDefinition> fieldsIn(FieldCategory category) {
        return fields.values().stream().filter(f -> f.category() == category).toList();
    }

    /** The region a location belongs to, for generalising locations. */
    public Optional<String> regionOf(String location) {
        return Optional.ofNullable(regions.get(location));
    }

    public Policy policy() {
        return policy;
    }

    /** Whether the catalogue accepts this instrument for this purpose (request-level rule R2). */
    public boolean accepts(PurposeCode purpose, InstrumentCode instrument) {
        PurposeDefinition definition = purposes.get(purpose);
        return definition != null && definition.instruments().contains(instrument);
    }
}
