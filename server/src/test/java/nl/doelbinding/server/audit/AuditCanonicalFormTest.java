package nl.doelbinding.server.audit;

import nl.doelbinding.engine.io.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Golden vectors: the hashes below were computed outside Java ({@code printf '%s' ... | sha256sum}). */
class AuditCanonicalFormTest {
    static final String CANONICAL_1 = "{\"seq\":1,\"recordedAt\":\"2026-11-28T15:43:00.123Z\",\"type\":\"REQUEST_RECEIVED\","
            + "\"actor\":\"officer-17\",\"requestId\":\"POL-2026-000123\","
            + "\"payload\":{\"client\":\"police-portal\",\"purpose\":\"TRACE_MISSING_RESIDENT\"}}";
    static final String HASH_1 = "538520e74ec96deaa62b1f21fd8d9bed84da6b7e1b26783f4dd916106b3f21b0";
    static final String HASH_2 = "82ff4f8228d285c42c98dfffc21bc8a55edee19e2c19382b92427dc8aa8bb9a3";

    @Test
    void theCanonicalRecordAndItsHashMatchTheSpecification() {
        String payload = CanonicalJson.canonicalize("{ \"purpose\": \"TRACE_MISSING_RESIDENT\", \"client\": \"police-portal\" }");
        String canonical = AuditCanonicalForm.canonical(1, "2026-11-28T15:43:00.123Z", "REQUEST_RECEIVED",
                "officer-17", "POL-2026-000123", payload);

        assertThat(canonical).isEqualTo(CANONICAL_1);
        assertThat(AuditCanonicalForm.hash(AuditCanonicalForm.GENESIS_HASH, canonical)).isEqualTo(HASH_1);
    }

    @Test
    void theSecondRecordChainsOnTheFirstsHash() {
        String payload = CanonicalJson.canonicalize("{ \"version\": 3.0, \"note\": \"Zo\\u00eb \\u2603 \\\"q\\\"\\n\" }");
        AuditRecord second = new AuditRecord(2, Instant.parse("2026-11-28T15:43:01Z"), "RULESET_APPROVED", "jurist-b",
                null, payload, HASH_1, HASH_2);

        assertThat(second.canonical()).isEqualTo("{\"seq\":2,\"recordedAt\":\"2026-11-28T15:43:01.000Z\","
                + "\"type\":\"RULESET_APPROVED\",\"actor\":\"jurist-b\",\"requestId\":null,"
                + "\"payload\":{\"note\":\"Zoë ☃ \\\"q\\\"\\n\",\"version\":3}}");
        assertThat(second.computeHash()).isEqualTo(HASH_2);
        assertThat(second.exportLine()).isEqualTo(second.canonical().substring(0, second.canonical().length() - 1)
                + ",\"prevHash\":\"" + HASH_1 + "\",\"hash\":\"" + HASH_2 + "\"}");
    }

    @Test
    void everyPartOfTheRecordIsCovered() {
        String base = AuditCanonicalForm.hash(AuditCanonicalForm.GENESIS_HASH, 1, "2026-11-28T15:43:00.123Z", "T", "a", "r", "{}");
        assertThat(AuditCanonicalForm.hash("1".repeat(64), 1, "2026-11-28T15:43:00.123Z", "T", "a", "r", "{}")).isNotEqualTo(base);
        assertThat(AuditCanonicalForm.hash(AuditCanonicalForm.GENESIS_HASH, 2, "2026-11-28T15:43:00.123Z", "T", "a", "r", "{}")).isNotEqualTo(base);
        assertThat(AuditCanonicalForm.hash(AuditCanonicalForm.GENESIS_HASH, 1, "2026-11-28T15:43:00.124Z", "T", "a", "r", "{}")).isNotEqualTo(base);
        assertThat(AuditCanonicalForm.hash(AuditCanonicalForm.GENESIS_HASH, 1, "2026-11-28T15:43:00.123Z", "U", "a", "r", "{}")).isNotEqualTo(base);
        assertThat(AuditCanonicalForm.hash(AuditCanonicalForm.GENESIS_HASH, 1, "2026-11-28T15:43:00.123Z", "T", "b", "r", "{}")).isNotEqualTo(base);
        assertThat(AuditCanonicalForm.hash(AuditCanonicalForm.GENESIS_HASH, 1, "2026-11-28T15:43:00.123Z", "T", "a", null, "{}")).isNotEqualTo(base);
        assertThat(AuditCanonicalForm.hash(AuditCanonicalForm.GENESIS_HASH, 1, "2026-11-28T15:43:00.123Z", "T", "a", "null", "{}")).isNotEqualTo(
                AuditCanonicalForm.hash(AuditCanonicalForm.GENESIS_HASH, 1, "2026-11-28T15:43:00.123Z", "T", "a", null, "{}"));
        assertThat(AuditCanonicalForm.hash(AuditCanonicalForm.GENESIS_HASH, 1, "2026-11-28T15:43:00.123Z", "T", "a", "r", "{\"x\":1}")).isNotEqualTo(base);
    }

    @Test
    void timesHaveExactlyThreeFractionDigitsInUtc() {
        assertThat(AuditCanonicalForm.formatTime(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000Z");
        assertThat(AuditCanonicalForm.formatTime(Instant.parse("2026-01-02T03:04:05.1Z"))).isEqualTo("2026-01-02T03:04:05.100Z");
        assertThat(AuditCanonicalForm.parseTime("2026-01-02T03:04:05.100Z")).isEqualTo(Instant.parse("2026-01-02T03:04:05.1Z"));
        // A finer time (only tampering stores one) is not rounded into a valid-looking canonical time.
        assertThat(AuditCanonicalForm.formatTime(Instant.parse("2026-01-02T03:04:05.000001Z"))).isEqualTo("2026-01-02T03:04:05.000001Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-02T03:04:05Z", "2026-01-02T03:04:05.1Z", "2026-01-02T03:04:05.1000Z",
            "2026-01-02T03:04:05.100+00:00", "2026-01-02 03:04:05.100Z", "2026-02-30T03:04:05.100Z",
            "2026-01-02T24:04:05.100Z"})
    void otherTimeFormsAreRefused(String text) {
        assertThatThrownBy(() -> AuditCanonicalForm.parseTime(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
