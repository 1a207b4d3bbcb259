package nl.doelbinding.engine.ruleset;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of compiling a ruleset: the compiled ruleset when there are no errors, and every
 * problem found, addressed to the author.
 *
 * @param ruleset  present only when {@code errors} is empty
 * @param errors   problems that stop the ruleset from being used
 * @param warnings problems an author should look at that do not stop it
 */
public record CompilationResult(Optional<CompiledRuleset> ruleset, List<RulesetProblem> errors,
                                List<RulesetProblem> warnings) {
    public CompilationResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (ruleset.isPresent() && !errors.isEmpty()) {
            throw new IllegalArgumentException("a ruleset with errors cannot be compiled");
        }
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** The compiled ruleset, or an exception listing every error. */
    public CompiledRuleset orThrow() {
        return ruleset.orElseThrow(() -> new RulesetException(errors));
    }
}
