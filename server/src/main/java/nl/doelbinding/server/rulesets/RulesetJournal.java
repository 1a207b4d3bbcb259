package nl.doelbinding.server.rulesets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;
import nl.doelbinding.engine.io.CanonicalJson;
import nl.doelbinding.server.audit.AuditChain;
import nl.doelbinding.server.audit.AuditEventType;
import nl.doelbinding.server.persistence.RulesetEvent;
import nl.doelbinding.server.persistence.RulesetHistory;
import nl.doelbinding.server.persistence.RulesetStep;
import nl.doelbinding.server.persistence.RulesetVersion;

/**
 * Records a lifecycle step twice, in the caller's transaction: in the version's history (who and when, for
 * {@code GET /rulesets/{v}}) and as a record in the audit chain (tamper-evident).
 */
public final class RulesetJournal {
    private final AuditChain audit;
    private final RulesetHistory history;

    public RulesetJournal(AuditChain audit, RulesetHistory history) {
        this.audit = audit;
        this.history = history;
    }

    /** Records a step of {@code version}; {@code detail} is a short note without personal data. */
    public void record(Connection c, RulesetStep step, RulesetVersion version, String actor, Instant at,
                       Optional<String> detail) {
        history.record(c, new RulesetEvent(version.version(), step, actor, at, detail));
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("version", version.version())
                .put("sha256", version.sha256());
        detail.ifPresent(d -> payload.put("detail", d));
        audit.append(c, type(step), actor, null, CanonicalJson.write(payload));
    }

    private static AuditEventType type(RulesetStep step) {
        return switch (step) {
            case UPLOADED -> AuditEventType.RULESET_UPLOADED;
            case VALIDATED -> AuditEventType.RULESET_VALIDATED;
            case APPROVED -> AuditEventType.RULESET_APPROVED;
            case ACTIVATED -> AuditEventType.RULESET_ACTIVATED;
            case RETIRED -> AuditEventType.RULESET_RETIRED;
        };
    }
}
