package nl.doelbinding.engine.ruleset;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads {@code ruleset.yaml}. */
public final class ManifestReader {
    public static final String FILE = "ruleset.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ManifestReader() {
    }

    public static Optional<RulesetManifest> read(RulesetSource source, Consumer<RulesetProblem> problems) {
        Optional<String> text = source.file(FILE);
        if (text.isEmpty()) {
            problems.accept(new RulesetProblem(FILE, 0, "the ruleset has no ruleset.yaml"));
            return Optional.empty();
        }
        try {
            Dto dto = YAML.readValue(text.get(), Dto.class);
            if (dto == null || dto.name == null || dto.name.isBlank()) {
                problems.accept(new RulesetProblem(FILE, 0, "ruleset.yaml must give the ruleset a name"));
                return Optional.empty();
            }
            return Optional.of(new RulesetManifest(dto.name, dto.description, Optional.ofNullable(dto.effective),
                    dto.language));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.accept(new RulesetProblem(FILE, line, e.getOriginalMessage()));
            return Optional.empty();
        }
    }

    static final class Dto {
        @JsonProperty String name;
        @JsonProperty String description;
        @JsonProperty LocalDate effective;
        @JsonProperty String language;
    }
}
