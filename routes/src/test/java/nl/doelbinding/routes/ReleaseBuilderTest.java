package nl.doelbinding.routes;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.util.Optional;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.port.StoredDecision;
import nl.doelbinding.engine.redaction.DerivedPseudonymKeys;
import nl.doelbinding.routes.flow.ReleaseBuilder;
import org.junit.jupiter.api.Test;

/** A stored decision that is not what a release may be built on gives an error, and no register read. */
class ReleaseBuilderTest {
    private static final String BODY = "{\"requestId\":\"R-1\",\"subjects\":[{\"vNumber\":\"1000000001\"}]}";
    private static final String DECISION = "{\"requestId\":\"R-1\",\"decision\":\"RELEASED\","
            + "\"ruleset\":{\"version\":1,\"sha256\":\"ab\"},\"fields\":[{\"field\":\"name\",\"outcome\":\"DISCLOSE\"}]";

    private final ReleaseBuilder releases = new ReleaseBuilder((residents, fields) -> fail("the register was read"),
            new DerivedPseudonymKeys(new byte[32]), Optional::empty);

    @Test
    void aStoredDecisionThatAlreadyHoldsAReleaseIsRefused() {
        StoredDecision stored = stored(DECISION + ",\"release\":{\"subjects\":[]}}");

        assertThatThrownBy(() -> releases.releaseDocument(stored)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a stored decision is not one JSON object without a release");
        assertThatThrownBy(() -> releases.withRelease(stored)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a stored decision is not one JSON object without a release");
    }

    @Test
    void aStoredDecisionWithTextAfterItsObjectIsRefused() {
        assertThatThrownBy(() -> releases.releaseDocument(stored(DECISION + "} x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a stored decision is not one JSON object without a release");
    }

    @Test
    void aStoredDecisionThatIsNotAnObjectIsRefused() {
        assertThatThrownBy(() -> releases.releaseDocument(stored("[" + DECISION + "}]")))
                .isInstanceOf(IllegalStateException.class).hasMessage("a stored document is not a JSON object");
        assertThatThrownBy(() -> releases.releaseDocument(stored(DECISION)))
                .isInstanceOf(IllegalStateException.class).hasMessage("a stored document is not valid JSON");
    }

    private static StoredDecision stored(String decisionJson) {
        return new StoredDecision("R-1", "police-demo", "Demo-Eenheid", "00", BODY, "01a20000-0000-7000-8000-000000000000",
                OverallDecision.RELEASED, decisionJson, Optional.empty(), Instant.parse("2026-11-29T08:00:00Z"));
    }
}
