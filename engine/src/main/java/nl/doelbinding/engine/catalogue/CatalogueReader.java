package nl.doelbinding.engine.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import nl.doelbinding.engine.model.FieldCategory;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.InstrumentCode;
import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.ruleset.RulesetProblem;

/**
 * Reads a ruleset's {@code catalogue/*.yaml} files into one {@link Catalogue}. Each file may hold any of
 * the sections {@code purposes}, {@code instruments}, {@code fields}, {@code regions}, {@code policy}.
 */
public final class CatalogueReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /** Reads the catalogue, or reports every problem (then the result is empty). */
    public Optional<Catalogue> read(SortedMap<String, String> files, Consumer<RulesetProblem> problems) {
        List<PurposeDto> purposes = new ArrayList<>();
        List<InstrumentDto> instruments = new ArrayList<>();
        List<FieldDto> fields = new ArrayList<>();
        Map<String, String> regions = new LinkedHashMap<>();
        PolicyDto policy = null;
        String policyFile = "catalogue";
        boolean failed = false;
        for (Map.Entry<String, String> file : files.entrySet()) {
            FileDto dto;
            try {
                dto = YAML.readValue(file.getValue(), FileDto.class);
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                problems.accept(new RulesetProblem(file.getKey(), line, e.getOriginalMessage()));
                failed = true;
                continue;
            }
            if (dto == null) {
                continue;
            }
            purposes.addAll(nonNull(dto.purposes));
            instruments.addAll(nonNull(dto.instruments));
            fields.addAll(nonNull(dto.fields));
            if (dto.regions != null) {
                regions.putAll(dto.regions);
            }
            if (dto.policy != null) {
                if (policy != null) {
                    problems.accept(new RulesetProblem(file.getKey(), 0, "policy is defined in more than one file"));
                    failed = true;
                }
                policy = dto.policy;
                policyFile = file.getKey();
            }
        }
        if (failed) {
            return Optional.empty();
        }
        if (files.isEmpty()) {
            problems.accept(new RulesetProblem("catalogue", 0, "the ruleset has no catalogue/*.yaml files"));
            return Optional.empty();
        }
        if (policy == null) {
            problems.accept(new RulesetProblem(policyFile, 0, "no policy section (policy.subjectThreshold)"));
            return Optional.empty();
        }
        try {
            Set<InstrumentCode> known = instruments.stream().map(i -> new InstrumentCode(i.code))
                    .collect(Collectors.toSet());
            List<PurposeDefinition> purposeDefs = new ArrayList<>();
            for (PurposeDto p : purposes) {
                Set<InstrumentCode> accepted = nonNull(p.instruments).stream().map(InstrumentCode::new)
                        .collect(Collectors.toSet());
                for (InstrumentCode code : accepted) {
                    if (!known.contains(code)) {
                        throw new IllegalArgumentException("purpose " + p.code + " accepts unknown instrument " + code);
                    }
                }
                purposeDefs.add(new PurposeDefinition(new PurposeCode(p.code), p.description, accepted,
                        p.caseReferenceRequired));
            }
            List<InstrumentDefinition> instrumentDefs = instruments.stream()
                    .map(i -> new InstrumentDefinition(new InstrumentCode(i.code), i.description, i.order)).toList();
            List<FieldDefinition> fieldDefs = fields.stream().map(CatalogueReader::field).toList();
            if (!known.contains(InstrumentCode.NONE)) {
                throw new IllegalArgumentException("the instruments must include NONE (no instrument named)");
            }
            return Optional.of(new Catalogue(purposeDefs, instrumentDefs, fieldDefs, regions,
                    new Policy(policy.subjectThreshold, policy.requestThreshold, policy.coverageThreshold,
                            policy.windowDays)));
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.accept(new RulesetProblem("catalogue", 0, e.getMessage()));
            return Optional.empty();
        }
    }

    private static FieldDefinition field(FieldDto f) {
        Optional<MaskSpec> mask = Optional.ofNullable(f.mask).map(m -> new MaskSpec(m.keepLast));
        Optional<GeneraliseSpec> generalise = Optional.ofNullable(f.generalise)
                .map(g -> new GeneraliseSpec(g.method, g.values, g.otherwise));
        if (f.category == null) {
            throw new IllegalArgumentException("field " + f.name + " has no category");
        }
        return new FieldDefinition(new FieldName(f.name), f.category, f.description, f.revealsSpecialCategory,
                mask, generalise);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    static final class FileDto {
        @JsonProperty List<PurposeDto> purposes;
        @JsonProperty List<InstrumentDto> instruments;
        @JsonProperty List<FieldDto> fields;
        @JsonProperty Map<String, String> regions;
        @JsonProperty PolicyDto policy;
    }

    static final class PurposeDto {
        @JsonProperty(required = true) String code;
        @JsonProperty String description;
        @JsonProperty List<String> instruments;
        @JsonProperty boolean caseReferenceRequired;
    }

    static final class InstrumentDto {
        @JsonProperty(required = true) String code;
        @JsonProperty String description;
        @JsonProperty boolean order;
    }

    static final class FieldDto {
        @JsonProperty(required = true) String name;
        @JsonProperty(required = true) FieldCategory category;
        @JsonProperty String description;
        @JsonProperty boolean revealsSpecialCategory;
        @JsonProperty MaskDto mask;
        @JsonProperty GeneraliseDto generalise;
    }

    static final class MaskDto {
        @JsonProperty(required = true) int keepLast;
    }

    static final class GeneraliseDto {
        @JsonProperty(required = true) GeneraliseMethod method;
        @JsonProperty Map<String, String> values;
        @JsonProperty String otherwise;
    }

    static final class PolicyDto {
        @JsonProperty(required = true) int subjectThreshold;
        @JsonProperty int requestThreshold = Policy.SUGGESTED_REQUEST_THRESHOLD;
        @JsonProperty int coverageThreshold = Policy.SUGGESTED_COVERAGE_THRESHOLD;
        @JsonProperty int windowDays = Policy.SUGGESTED_WINDOW_DAYS;
    }
}
