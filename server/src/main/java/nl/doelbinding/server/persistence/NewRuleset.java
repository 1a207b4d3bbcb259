package nl.doelbinding.server.persistence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An uploaded ruleset, stored as a new DRAFT version.
 *
 * @param sha256           SHA-256 of the ruleset's canonical content
 * @param filesJson        every file of the ruleset folder, as a JSON object from relative path to text
 * @param author           who uploaded it
 * @param comment          the author's comment
 * @param checkResultsJson compile, safety and scenario results (JSON text), if already known
 * @param createdAt        when it was uploaded
 */
public record NewRuleset(String sha256, String filesJson, String author, Optional<String> comment,
                         Optional<String> checkResultsJson, Instant createdAt) {
    public NewRuleset {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(filesJson, "filesJson");
        Objects.requireNonNull(author, "author");
        comment = comment == null ? Optional.empty() : comment;
        checkResultsJson = checkResultsJson == null ? Optional.empty() : checkResultsJson;
        createdAt = Jdbc.millis(Objects.requireNonNull(createdAt, "createdAt"));
    }
}
