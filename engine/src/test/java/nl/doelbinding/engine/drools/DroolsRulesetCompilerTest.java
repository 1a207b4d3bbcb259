package nl.doelbinding.engine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.doelbinding.engine.TestRulesets;
import nl.doelbinding.engine.model.RuleId;
import nl.doelbinding.engine.ruleset.CompilationResult;
import nl.doelbinding.engine.ruleset.CompiledRuleset;
import nl.doelbinding.engine.ruleset.RuleInfo;
import nl.doelbinding.engine.ruleset.RuleStage;
import nl.doelbinding.engine.ruleset.RulesetProblem;
import org.junit.jupiter.api.Test;

class DroolsRulesetCompilerTest {
    private static final String RULES = "rules/rules.dslr";
    private static final String EXTRA = "rules/zz-extra.dslr";

    private static CompilationResult withExtraRule(String text) {
        Map<String, String> files = TestRulesets.minimalFiles();
        files.put(EXTRA, text);
        return TestRulesets.compile(files);
    }

    private static CompilationResult withVocabularyLine(String dslLine, String ruleText) {
        Map<String, String> files = TestRulesets.minimalFiles();
        files.put("vocabulary/extra.dsl", dslLine + "\n");
        files.put(EXTRA, ruleText);
        return TestRulesets.compile(files);
    }

    private static List<String> messages(CompilationResult result) {
        return result.errors().stream().map(RulesetProblem::toString).toList();
    }

    @Test
    void compilesTheMinimalRulesetWithIdsStagesAndLines() {
        CompiledRuleset ruleset = TestRulesets.minimal();

        assertThat(ruleset.rules()).extracting(r -> r.id().value()).containsExactly("REQ-CONSENT-01",
                "REQ-VOLUME-01", "INV-01", "INV-02", "INV-03", "INV-04", "SPECIAL-01", "THREAT-01");
        RuleInfo consent = ruleset.rule(new RuleId("REQ-CONSENT-01")).orElseThrow();
        assertThat(consent.stage()).isEqualTo(RuleStage.REQUEST);
        assertThat(consent.file()).isEqualTo(RULES);
        assertThat(consent.line()).isEqualTo(3);
        assertThat(consent.title()).isEqualTo("Consent is no ground");
        RuleInfo special = ruleset.rule(new RuleId("SPECIAL-01")).orElseThrow();
        assertThat(special.stage()).isEqualTo(RuleStage.FIELD);
        assertThat(ruleset.sha256()).hasSize(64).isEqualTo(TestRulesets.compile(TestRulesets.minimalFiles())
                .orThrow().sha256());
    }

    @Test
    void aLineTheVocabularyCannotExpandIsReportedWithFileAndLine() {
        CompilationResult result = withExtraRule("""
                rule "X-01 Unreadable"
                when
                    the request
                    - is filed on a Tuesday
                then
                    reject the request
                    citing "AVG art. 5"
                    because "No."
                end
                """);

        assertThat(result.ok()).isFalse();
        assertThat(messages(result)).containsExactly(EXTRA + ":4: Unable to expand: - is filed on a Tuesday");
    }

    @Test
    void aRawDrlLineIsRefused() {
        CompilationResult result = withExtraRule("""
                rule "X-01 Raw"
                when
                    the request
                then
                >   System.exit(0);
                    reject the request
                    citing "AVG art. 5"
                    because "No."
                end
                """);

        assertThat(messages(result)).anyMatch(m -> m.startsWith(EXTRA + ":5: raw DRL lines"));
    }

    @Test
    void anImportIsRefusedAtItsLine() {
        CompilationResult result = withExtraRule("""
                import java.io.File

                rule "X-01 Imports"
                when
                    the request
                then
                    reject the request
                    citing "AVG art. 5"
                    because "No."
                end
                """);

        assertThat(messages(result)).anyMatch(m -> m.startsWith(EXTRA + ":1: 'import' is not allowed"));
    }

    @Test
    void evalFunctionsGlobalsAndAttributesAreRefused() {
        CompilationResult result = withExtraRule("""
                global java.util.List list
                function void evil() { }
                rule "X-01 Attributes"
                    salience 100
                when
                    eval(true)
                then
                    reject the request
                    citing "AVG art. 5"
                    because "No."
                end
                """);

        assertThat(messages(result)).anyMatch(m -> m.startsWith(EXTRA + ":1: 'global'"))
                .anyMatch(m -> m.startsWith(EXTRA + ":2: 'function'"))
                .anyMatch(m -> m.startsWith(EXTRA + ":4: 'salience'"))
                .anyMatch(m -> m.startsWith(EXTRA + ":6: 'eval'"));
    }

    @Test
    void aCodeTheCatalogueDoesNotKnowIsReportedAtTheLineThatNamesIt() {
        CompilationResult result = withExtraRule("""
                rule "X-01 Typo"
                when
                    the request
                    - is for the purpose CRIMINAL_INVESTIGATOIN
                    the requested field
                    - is one of the fields name, telephone
                then
                    disclose the field
                    citing "AVG art. 5"
                    because "Typo."
                end
                """);

        assertThat(messages(result)).containsExactlyInAnyOrder(
                EXTRA + ":4: unknown purpose 'CRIMINAL_INVESTIGATOIN': it is not in the catalogue",
                EXTRA + ":6: unknown field 'telephone': it is not in the catalogue");
    }

    @Test
    void everyRuleNeedsAnIdAUniqueIdAndACitation() {
        CompilationResult result = withExtraRule("""
                rule "No id here"
                when
                    the request
                then
                    reject the request
                    citing "AVG art. 5"
                    because "No."
                end

                rule "INV-01 Again"
                when
                    the request
                then
                    reject the request
                    citing "AVG art. 5"
                    because "No."
                end

                rule "X-02 Uncited"
                when
                    the requested field
                then
                    disclose the field
                    because "No citation."
                end
                """);

        assertThat(messages(result)).anyMatch(m -> m.startsWith(EXTRA + ":1: rule \"No id here\": a rule's name must"))
                .anyMatch(m -> m.startsWith(EXTRA + ":10: rule ID INV-01 is already used at " + RULES))
                .anyMatch(m -> m.startsWith(EXTRA + ":19: rule \"X-02 Uncited\": the action of a field rule"));
    }

    @Test
    void anUploadedVocabularyCannotSmuggleCodeIntoConditions() {
        CompilationResult result = withVocabularyLine(
                "[when]- is evil=purpose == \"X\" || java.lang.System.getenv(\"HOME\") != null",
                """
                rule "X-01 Evil"
                when
                    the request
                    - is evil
                then
                    reject the request
                    citing "AVG art. 5"
                    because "No."
                end
                """);

        assertThat(result.ok()).isFalse();
        assertThat(messages(result)).anyMatch(m -> m.equals(EXTRA + ":1: rule \"X-01 Evil\": unknown property 'java' in condition 'purpose == \"X\" || java.lang.System.getenv(\"HOME\") != null'"));
    }

    @Test
    void anUploadedVocabularyCannotSmuggleCodeIntoActions() {
        CompilationResult result = withVocabularyLine(
                "[then]quietly leave=System.exit(0);",
                """
                rule "X-01 Evil"
                when
                    the request
                then
                    quietly leave
                end
                """);

        assertThat(messages(result)).anyMatch(m -> m.startsWith(EXTRA + ":1: rule \"X-01 Evil\": the action"));
    }

    @Test
    void aRuleMayNotLookAtTwoFields() {
        CompilationResult result = withVocabularyLine(
                "[when]another requested field=$other : FieldFact()",
                """
                rule "X-01 Two fields"
                when
                    the requested field
                    - is the field name
                    another requested field
                then
                    disclose the field
                    citing "AVG art. 5"
                    because "No."
                end
                """);

        assertThat(messages(result)).anyMatch(m -> m.contains("only one requested field (field independence)"))
                .noneMatch(m -> m.contains("action of a request rule"));
    }

    @Test
    void aRulesetWithoutVocabularyCatalogueOrRulesSaysWhatIsMissing() {
        Map<String, String> files = TestRulesets.minimalFiles();
        files.keySet().removeIf(p -> p.startsWith("vocabulary/") || p.startsWith("rules/"));

        assertThat(messages(TestRulesets.compile(files))).contains(
                "vocabulary: the ruleset has no vocabulary/*.dsl file", "rules: the ruleset has no rules/*.dslr files");
    }

    @Test
    void theEnginesOwnIdsAreReservedAndACitationCannotBeEmpty() {
        CompilationResult result = withExtraRule("""
                rule "DEFAULT-DENY Pretends to be the engine"
                when
                    the requested field
                then
                    disclose the field
                    citing "AVG art. 6"
                    because "No."
                end

                rule "X-03 Cites nothing"
                when
                    the requested field
                then
                    disclose the field
                    citing " "
                    because "No citation."
                end
                """);

        assertThat(messages(result)).anyMatch(m -> m.equals(EXTRA + ":1: rule \"DEFAULT-DENY Pretends to be the engine\":"
                        + " the ID DEFAULT-DENY is reserved for the engine's own decisions"))
                .anyMatch(m -> m.startsWith(EXTRA + ":10: rule \"X-03 Cites nothing\": the action of a field rule"));
    }
}
