package nl.doelbinding.server.audit;

import nl.doelbinding.engine.io.CanonicalJson;

import java.time.Instant;

/**
 * One record of the audit chain.
 *
 * @param seq        position in the chain, 1, 2, 3, ... without gaps
 * @param recordedAt when it was appended (millisecond precision, never earlier than its predecessor)
 * @param type       the stored type code (see {@link AuditEventType}; kept as text so that records written by a
 *                   newer version remain readable and verifiable)
 * @param actor      who caused it (token subject, or {@code system})
 * @param requestId  the requester's request id, for records about a request; otherwise null
 * @param payload    the payload, canonical JSON text
 * @param prevHash   the previous record's hash (64 zeros for the first)
 * @param hash       this record's hash
 */
public record AuditRecord(long seq, Instant recordedAt, String type, String actor, String requestId,
                          String payload, String prevHash, String hash) {

    /** The canonical record text its hash covers. */
    public String canonical() {
        return AuditCanonicalForm.canonical(seq, AuditCanonicalForm.formatTime(recordedAt), type, actor, requestId,
                payload);
    }

    /** The hash recomputed from the record's content and {@link #prevHash()}. */
    public String computeHash() {
        return AuditCanonicalForm.hash(prevHash, canonical());
    }

    /** The export line (without line end): the canonical record followed by prevHash and hash. */
    public String exportLine() {
        StringBuilder line = AuditCanonicalForm.open(seq, AuditCanonicalForm.formatTime(recordedAt), type, actor,
                requestId, payload);
        line.append(",\"prevHash\":");
        CanonicalJson.quote(prevHash, line);
        line.append(",\"hash\":");
        CanonicalJson.quote(hash, line);
        return line.append('}').toString();
    }
}
