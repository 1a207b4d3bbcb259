package nl.doelbinding.engine;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import nl.doelbinding.engine.decision.RulesetDecisionEngine;
import nl.doelbinding.engine.drools.DroolsRulesetCompiler;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.InstrumentCode;
import nl.doelbinding.engine.model.LegalBasis;
import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.model.Subject;
import nl.doelbinding.engine.model.VNumber;
import nl.doelbinding.engine.ruleset.CompilationResult;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.RulesetSource;

/** The engine's test ruleset (src/test/resources/rulesets/minimal) and request builders. */
public final class TestRulesets {
    private static CompiledRuleset minimal;

    private TestRulesets() {
    }

    /** The minimal ruleset's files, to be varied by a test. */
    public static Map<String, String> minimalFiles() {
        try {
            Path dir = Path.of(TestRulesets.class.getResource("/rulesets/minimal").toURI());
            return new TreeMap<>(RulesetSource.fromDirectory(dir).files());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CompilationResult compile(Map<String, String> files) {
        return new DroolsRulesetCompiler().compile(RulesetSource.of(files));
    }

    public static synchronized CompiledRuleset minimal() {
        if (minimal == null) {
            minimal = compile(minimalFiles()).orThrow();
        }
        return minimal;
    }

    public static DecisionEngine minimalEngine() {
        CompiledRuleset ruleset = minimal();
        return new RulesetDecisionEngine(ruleset, new RulesetRef(OptionalInt.of(7), ruleset.sha256()));
    }

    public static DisclosureRequest request(String purpose, String instrument, int subjects, String... fields) {
        List<Subject> named = new java.util.ArrayList<>();
        for (int i = 0; i < subjects; i++) {
            named.add(new Subject(new VNumber(String.valueOf(1000000001L + i))));
        }
        return new DisclosureRequest("REQ-1", java.util.Optional.of(new PurposeCode(purpose)),
                new LegalBasis(new InstrumentCode(instrument), java.util.Optional.of("OvJ-1"),
                        java.util.Optional.empty(), false),
                java.util.Optional.of("ZAAK-1"), named,
                java.util.Arrays.stream(fields).map(FieldName::new).toList(), "test",
                new Requester("sub", "client", Set.of("police-requester"), "Unit-A"));
    }

}
