package nl.doelbinding.engine.drools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.doelbinding.engine.TestRulesets;
import nl.doelbinding.engine.ruleset.RequestConditions;
import org.junit.jupiter.api.Test;

/** The compiler reports which subject counts and units the request conditions can tell apart. */
class RequestConditionScanTest {
    private static RequestConditions conditionsWith(String dslLine, String condition) {
        Map<String, String> files = TestRulesets.minimalFiles();
        files.put("vocabulary/extra.dsl", dslLine + "\n");
        files.put("rules/zz-extra.dslr", """
                rule "X-01 Extra"
                when
                    the request
                    %s
                then
                    escalate the request
                    citing "AVG art. 5"
                    because "Test."
                end
                """.formatted(condition));
        return TestRulesets.compile(files).orThrow().requestConditions();
    }

    @Test
    void theMinimalRulesetSplitsAtNoSubjectAndAboveTheThreshold() {
        RequestConditions conditions = TestRulesets.minimal().requestConditions();

        assertThat(conditions.subjectCounts()).containsExactly(0, 1, 3); // threshold 2
        assertThat(conditions.earlierRequests()).containsExactly(0);
        assertThat(conditions.coverages()).containsExactly(0);
        assertThat(conditions.unitValues()).isEmpty();
        assertThat(conditions.uncovered()).isEmpty();
    }

    @Test
    void aComparisonWithANumberAddsTheFirstCountOfTheClassItOpens() {
        assertThat(conditionsWith("[when]- names at least four subjects=subjects >= 4", "- names at least four subjects")
                .subjectCounts()).containsExactly(0, 1, 3, 4);
        assertThat(conditionsWith("[when]- names fewer than ten subjects=10 > subjects", "- names fewer than ten subjects")
                .subjectCounts()).containsExactly(0, 1, 3, 10);
        assertThat(conditionsWith("[when]- names the threshold=subjects == subjectThreshold", "- names the threshold")
                .subjectCounts()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aComparisonInAnyOtherFormSplitsAroundEveryNumberItNames() {
        assertThat(conditionsWith("[when]- names a few subjects=subjects > 4 && < 7", "- names a few subjects")
                .subjectCounts()).containsExactly(0, 1, 3, 4, 5, 7, 8);
        assertThat(conditionsWith("[when]- names nine or twelve=subjects in (9, 12)", "- names nine or twelve")
                .subjectCounts()).containsExactly(0, 1, 3, 9, 10, 12, 13);
    }

    @Test
    void unitsComparedForEqualityAreEnumerated() {
        RequestConditions conditions = conditionsWith("[when]- comes from the north=unit in (\"AVIM-Noord\", \"AVIM-Oost\")",
                "- comes from the north");

        assertThat(conditions.unitValues()).containsExactly("AVIM-Noord", "AVIM-Oost");
        assertThat(conditions.uncovered()).isEmpty();
    }

    @Test
    void unitsComparedInOrderOrWithAnotherPropertyCannotBeEnumerated() {
        assertThat(conditionsWith("[when]- comes from a late unit=unit > \"M\"", "- comes from a late unit").uncovered())
                .singleElement().asString().contains("X-01 Extra").contains("unit > \"M\"");
        assertThat(conditionsWith("[when]- comes from its purpose=unit == purpose", "- comes from its purpose")
                .uncovered()).hasSize(1);
    }

    @Test
    void historyConditionsSplitAtTheirPolicyThresholds() {
        // The minimal ruleset names no volume thresholds: the catalogue's suggested start, 20 requests and 10%.
        RequestConditions conditions = conditionsWith("""
                [when]- follows too many requests=earlierRequests >= requestThreshold
                [when]- covers too much=locationCoverage > coverageThreshold""",
                "- follows too many requests\n    - covers too much");

        assertThat(conditions.earlierRequests()).containsExactly(0, 20);
        assertThat(conditions.coverages()).containsExactly(0, 11);
        assertThat(conditions.subjectCounts()).containsExactly(0, 1, 3);
        assertThat(conditions.uncovered()).isEmpty();
    }

    @Test
    void aCoverageSplitBeyondAHundredPercentAddsNothing() {
        assertThat(conditionsWith("[when]- covers all=locationCoverage >= 100", "- covers all").coverages())
                .containsExactly(0, 100);
        assertThat(conditionsWith("[when]- covers more than all=locationCoverage > 100", "- covers more than all")
                .coverages()).containsExactly(0);
    }
}
