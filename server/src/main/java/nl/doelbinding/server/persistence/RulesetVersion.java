package nl.doelbinding.server.persistence;

import java.time.Instant;
import java.util.Optional;

/**
 * A ruleset version's metadata (without its files).
 *
 * @param version     the version number, 1, 2, 3, ... in upload order
 * @param sha256      SHA-256 of its canonical content
 * @param status      lifecycle status
 * @param author      who uploaded it
 * @param comment     the author's comment
 * @param createdAt   when it was uploaded
 * @param approver    who approved it
 * @param approvedAt  when it was approved
 * @param activatedBy who last activated it
 * @param activatedAt when it was last activated
 * @param retiredAt   when it was last retired (empty while active)
 * @param effectiveFrom when an approved version activates itself (set at approval; empty for "when an admin
 *                    activates it")
 */
public record RulesetVersion(int version, String sha256, RulesetStatus status, String author,
                             Optional<String> comment, Instant createdAt, Optional<String> approver,
                             Optional<Instant> approvedAt, Optional<String> activatedBy,
                             Optional<Instant> activatedAt, Optional<Instant> retiredAt,
                             Optional<Instant> effectiveFrom) {
}
