package nl.doelbinding.server.persistence;

/** The outcome of a ruleset lifecycle step; a refused step is a value (HTTP 404 or 409), not an exception. */
public sealed interface LifecycleResult {
    /** Done; the version as it is now. */
    record Done(RulesetVersion version) implements LifecycleResult {
    }

    /** No such version. */
    record NotFound(int version) implements LifecycleResult {
    }

    /** The step is not allowed from the version's current status. */
    record WrongStatus(RulesetVersion version) implements LifecycleResult {
    }

    /** The approver is the author: four eyes means two people. */
    record SameAuthor(RulesetVersion version) implements LifecycleResult {
    }
}
