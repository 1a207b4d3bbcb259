package nl.doelbinding.engine.ruleset;

/** Compiles and validates a ruleset folder. */
public interface RulesetCompiler {
    CompilationResult compile(RulesetSource source);
}
