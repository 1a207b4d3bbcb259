package nl.doelbinding.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.doelbinding.engine.TestRulesets;
import nl.doelbinding.engine.model.RequestHistory;
import org.junit.jupiter.api.Test;

/** A scenario states the requester's history (legal catalogue R8) as the server would have counted it. */
class ScenarioHistoryTest {
    private final ScenarioLoader loader = new ScenarioLoader(TestRulesets.minimal().catalogue());

    private List<ScenarioCase> load(String history, List<ScenarioError> errors) {
        String text = """
                cases:
                  - name: "one"
                    request:
                      purpose: CRIMINAL_INVESTIGATION
                      legalBasis: { instrument: SV_126ND, reference: "OvJ-1" }
                      caseReference: "ZAAK-1"
                %s
                      subjects: [ { vNumber: "1000000001" } ]
                      fields: [ name ]
                    expect:
                      decision: RELEASED
                """.formatted(history);
        return loader.load("s.yaml", text, errors::add);
    }

    @Test
    void theHistoryOfACaseReachesTheRequest() {
        List<ScenarioError> errors = new ArrayList<>();

        List<ScenarioCase> cases = load("      history: { earlierRequests: 21, locationCoverage: 12 }", errors);

        assertThat(errors).isEmpty();
        assertThat(cases).singleElement().satisfies(c ->
                assertThat(c.request().history()).isEqualTo(new RequestHistory(21, 12)));
    }

    @Test
    void aCaseWithoutHistoryIsAFirstRequest() {
        List<ScenarioError> errors = new ArrayList<>();

        List<ScenarioCase> cases = load("", errors);

        assertThat(errors).isEmpty();
        assertThat(cases).singleElement().satisfies(c ->
                assertThat(c.request().history()).isEqualTo(RequestHistory.NONE));
    }

    @Test
    void aHistoryThatCannotBeCountedIsAnErrorOfTheCase() {
        assertThat(errorsOf("      history: { earlierRequests: -1 }")).singleElement().asString()
                .contains("s.yaml").contains("one").contains("earlierRequests must not be negative");
        assertThat(errorsOf("      history: { locationCoverage: 101 }")).singleElement().asString()
                .contains("percentage from 0 to 100");
        assertThat(errorsOf("      history: { earlierRequests: many }")).singleElement().asString()
                .contains("history.earlierRequests must be a whole number");
        assertThat(errorsOf("      history: { lastWeek: 3 }")).singleElement().asString().contains("history.lastWeek");
        assertThat(errorsOf("      history: 3")).singleElement().asString().contains("history must be a map");
    }

    private List<ScenarioError> errorsOf(String history) {
        List<ScenarioError> errors = new ArrayList<>();
        assertThat(load(history, errors)).isEmpty();
        return errors;
    }

    @Test
    void coverageIsRoundedUpSoThatAnyShareAboveTheThresholdIsAboveIt() {
        assertThat(RequestHistory.percent(10, 100)).isEqualTo(10);
        assertThat(RequestHistory.percent(11, 109)).isEqualTo(11); // 10.09%
        assertThat(RequestHistory.percent(1, 2000)).isEqualTo(1);
        assertThat(RequestHistory.percent(0, 100)).isZero();
        assertThat(RequestHistory.percent(5, 0)).isZero();
        assertThat(RequestHistory.percent(300, 100)).isEqualTo(100);
    }
}
