package nl.doelbinding.engine.ruleset;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a ruleset that has errors is used as if it compiled. */
public final class RulesetException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<RulesetProblem> problems;

    public RulesetException(List<RulesetProblem> problems) {
        super("the ruleset has errors:\n" + problems.stream().map(RulesetProblem::toString)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RulesetProblem> problems() {
        return problems;
    }
}
