package nl.doelbinding.server.persistence;

import java.util.Optional;

/**
 * A ruleset version with its content.
 *
 * @param meta             metadata and lifecycle
 * @param filesJson        the files, a JSON object from relative path to text
 * @param checkResultsJson compile, safety and scenario results
 */
public record StoredRuleset(RulesetVersion meta, String filesJson, Optional<String> checkResultsJson) {
}
