package nl.doelbinding.engine.ruleset;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The ruleset's {@code ruleset.yaml}: what it is called and from when it applies.
 *
 * @param name        the ruleset's name
 * @param description what it implements
 * @param effective   the date it takes effect, if set
 * @param language    the vocabulary's language, such as {@code en}
 */
public record RulesetManifest(String name, String description, Optional<LocalDate> effective, String language) {
    public RulesetManifest {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        effective = effective == null ? Optional.empty() : effective;
        language = language == null ? "en" : language;
    }
}
