package nl.doelbinding.engine.model;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The ruleset version a decision was made under.
 *
 * @param version the stored version number; empty for a working copy compiled from a folder
 * @param sha256  the SHA-256 of the ruleset's canonical content
 */
public record RulesetRef(OptionalInt version, String sha256) {
    public RulesetRef {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
    }
}
