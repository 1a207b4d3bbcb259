package nl.doelbinding.server.audit;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class AuditEventTypeTest {

    /** Stored codes are part of every record's hash: this list may grow, never change. */
    @Test
    void storedCodesNeverChange() {
        assertThat(Arrays.stream(AuditEventType.values()).map(AuditEventType::code)).containsExactly(
                "REQUEST_RECEIVED", "DECISION_MADE", "ESCALATION_OPENED", "REVIEW_COMPLETED", "RELEASE_DELIVERED",
                "REJECTION_SENT", "RULESET_UPLOADED", "RULESET_VALIDATED", "RULESET_APPROVED", "RULESET_ACTIVATED",
                "RULESET_RETIRED", "DISCLOSURES_CONSULTED", "AUDIT_EXPORTED", "WRITTEN_ORDER_RECEIVED");
    }

    @Test
    void everyCodeMapsBackToItsType() {
        for (AuditEventType type : AuditEventType.values()) {
            assertThat(AuditEventType.fromCode(type.code())).contains(type);
        }
        assertThat(AuditEventType.fromCode("SOMETHING_NEWER")).isEmpty();
    }
}
