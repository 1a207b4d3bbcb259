package nl.doelbinding.server.persistence;

/** A ruleset version's place in its lifecycle. Stored by name; never rename a constant. */
public enum RulesetStatus {
    /** Uploaded, not yet approved. */
    DRAFT,
    /** Approved by someone other than the author (four eyes); may be activated. */
    APPROVED,
    /** The one version that decides requests. */
    ACTIVE,
    /** No longer active (superseded or withdrawn); may be activated again to roll back. */
    RETIRED
}
