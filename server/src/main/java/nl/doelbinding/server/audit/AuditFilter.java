package nl.doelbinding.server.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * Which audit records to list: every present criterion must hold. Paged by sequence number: pass the last seq
 * of a page as {@code afterSeq} of the next.
 *
 * @param from      recorded at or after
 * @param to        recorded before
 * @param type      of this type
 * @param actor     caused by this actor
 * @param requestId about this request id
 * @param afterSeq  with a sequence number above this (0 for the first page)
 * @param limit     at most this many (1..{@value #MAX_LIMIT})
 */
public record AuditFilter(Optional<Instant> from, Optional<Instant> to, Optional<AuditEventType> type,
                          Optional<String> actor, Optional<String> requestId, long afterSeq, int limit) {
    /** The largest page. */
    public static final int MAX_LIMIT = 1000;

    public AuditFilter {
        from = from == null ? Optional.empty() : from;
        to = to == null ? Optional.empty() : to;
        type = type == null ? Optional.empty() : type;
        actor = actor == null ? Optional.empty() : actor;
        requestId = requestId == null ? Optional.empty() : requestId;
        if (afterSeq < 0) {
            throw new IllegalArgumentException("afterSeq must not be negative");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }

    /** The first {@code limit} records, unfiltered. */
    public static AuditFilter first(int limit) {
        return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, limit);
    }

    public AuditFilter from(Instant value) {
        return new AuditFilter(Optional.of(value), to, type, actor, requestId, afterSeq, limit);
    }

    public AuditFilter to(Instant value) {
        return new AuditFilter(from, Optional.of(value), type, actor, requestId, afterSeq, limit);
    }

    public AuditFilter type(AuditEventType value) {
        return new AuditFilter(from, to, Optional.of(value), actor, requestId, afterSeq, limit);
    }

    public AuditFilter actor(String value) {
        return new AuditFilter(from, to, type, Optional.of(value), requestId, afterSeq, limit);
    }

    public AuditFilter requestId(String value) {
        return new AuditFilter(from, to, type, actor, Optional.of(value), afterSeq, limit);
    }

    public AuditFilter afterSeq(long value) {
        return new AuditFilter(from, to, type, actor, requestId, value, limit);
    }
}
