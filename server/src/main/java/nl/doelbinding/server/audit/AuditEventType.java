package nl.doelbinding.server.audit;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an audit record records. The stored {@link #code()} is part of every record's hash: once released, a
 * code never changes (a constant may be renamed, its code may not); new types get new codes.
 */
public enum AuditEventType {
    /** A request was received and stored (before it is decided). */
    REQUEST_RECEIVED("REQUEST_RECEIVED"),
    /** The engine decided a request (or re-decided it after a review). */
    DECISION_MADE("DECISION_MADE"),
    /** Fields of a request were put up for human review. */
    ESCALATION_OPENED("ESCALATION_OPENED"),
    /** A reviewer closed an escalation with a verdict. */
    REVIEW_COMPLETED("REVIEW_COMPLETED"),
    /** A release package left the holder. */
    RELEASE_DELIVERED("RELEASE_DELIVERED"),
    /** A refusal notice was sent. */
    REJECTION_SENT("REJECTION_SENT"),
    /** A ruleset version was uploaded as a draft. */
    RULESET_UPLOADED("RULESET_UPLOADED"),
    /** A ruleset version's compile, safety and scenario checks were recorded. */
    RULESET_VALIDATED("RULESET_VALIDATED"),
    /** A ruleset version was approved (four eyes). */
    RULESET_APPROVED("RULESET_APPROVED"),
    /** A ruleset version became the active one. */
    RULESET_ACTIVATED("RULESET_ACTIVATED"),
    /** A ruleset version was retired. */
    RULESET_RETIRED("RULESET_RETIRED"),
    /** Someone consulted the disclosures register of a resident (GDPR art. 15). */
    DISCLOSURES_CONSULTED("DISCLOSURES_CONSULTED"),
    /** Someone exported (part of) the audit chain. */
    AUDIT_EXPORTED("AUDIT_EXPORTED"),
    /** The requester sent the written order that confirms an oral one (legal catalogue R7). */
    WRITTEN_ORDER_RECEIVED("WRITTEN_ORDER_RECEIVED");

    private static final Map<String, AuditEventType> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AuditEventType::code, Function.identity()));

    private final String code;

    AuditEventType(String code) {
        this.code = code;
    }

    /** The stored code. */
    public String code() {
        return code;
    }

    /** The type with this stored code; empty for a code this version does not know (written by a newer one). */
    public static Optional<AuditEventType> fromCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
