package nl.doelbinding.server.audit;

import nl.doelbinding.engine.io.CanonicalJson;
import nl.doelbinding.server.persistence.Jdbc;
import nl.doelbinding.server.persistence.PersistenceException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The append-only, hash-chained audit trail (see {@code docs/audit-chain.md}).
 *
 * <p>Every method takes the caller's connection: an append belongs to the caller's transaction, so the request,
 * its decision and their audit records commit together or not at all. Appends lock the single
 * {@code audit_head} row (an {@code UPDATE} of it) until commit, which serialises them across threads and
 * across nodes sharing the database: the chain cannot fork and has no gaps. Keep appending transactions short.
 */
public final class AuditChain {
    private static final String COLUMNS = "seq, recorded_at, type, actor, request_id, payload, prev_hash, hash";
    private static final int FETCH_SIZE = 500;

    private final Clock clock;

    public AuditChain(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Appends a record in the caller's transaction.
     *
     * @param requestId   the requester's request id, or null for records not about a request
     * @param payloadJson a JSON object (stored in canonical form)
     * @throws IllegalArgumentException when the payload is not a JSON object
     */
    public AuditRecord append(Connection c, AuditEventType type, String actor, String requestId, String payloadJson) {
        return append(c, type, actor, requestId, CanonicalJson.parse(payloadJson));
    }

    /** As {@link #append(Connection, AuditEventType, String, String, String)}, with the payload already parsed. */
    public AuditRecord append(Connection c, AuditEventType type, String actor, String requestId, JsonNode payloadNode) {
        try (Batch batch = batch(c)) {
            return batch.append(type, actor, requestId, payloadNode);
        }
    }

    /**
     * Opens a batch of appends in the caller's transaction: the head is locked now (an {@code UPDATE} of it,
     * so concurrent appenders wait here until this transaction ends) and written once, when the batch is
     * closed. Close it before committing; a batch of several records costs one lock and one head write.
     */
    public Batch batch(Connection c) {
        try {
            // Lock the head by writing it (not SELECT ... FOR UPDATE: H2 cannot cache a locking query's plan and
            // would parse it again on every append).
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET seq = seq + 1 WHERE id = 1")) {
                if (ps.executeUpdate() != 1) {
                    throw new PersistenceException("audit_head row is missing: the schema is damaged");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash, recorded_at FROM audit_head WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new PersistenceException("audit_head row is missing: the schema is damaged");
                }
                OffsetDateTime t = rs.getObject("recorded_at", OffsetDateTime.class);
                return new Batch(c, rs.getLong("seq") - 1, rs.getString("hash"), t == null ? null : t.toInstant());
            }
        } catch (SQLException e) {
            throw AuditSql.failure("lock the audit head", e);
        }
    }

    /**
     * Records appended under one lock of the head, in one transaction. Not thread-safe: one transaction, one
     * thread. {@link #close()} writes the head; without it the head would not match the records and the
     * chain would fail to verify, so the transaction must not commit without closing the batch.
     */
    public final class Batch implements AutoCloseable {
        private final Connection c;
        private final long headSeqAtStart;
        private long seq;
        private String hash;
        private Instant time;

        private Batch(Connection c, long seq, String hash, Instant time) {
            this.c = c;
            this.headSeqAtStart = seq;
            this.seq = seq;
            this.hash = hash;
            this.time = time;
        }

        /**
         * Appends a record after the previous one of this batch.
         *
         * @throws IllegalArgumentException when the actor is blank or the payload is not a JSON object
         */
        public AuditRecord append(AuditEventType type, String actor, String requestId, JsonNode payloadNode) {
            Objects.requireNonNull(type, "type");
            if (actor == null || actor.isBlank()) {
                throw new IllegalArgumentException("an audit record needs an actor");
            }
            if (payloadNode == null || !payloadNode.isObject()) {
                throw new IllegalArgumentException("an audit payload is a JSON object");
            }
            String payload = CanonicalJson.write(payloadNode);
            // Taken under the lock and never before the previous record's time: seq order is time order.
            Instant now = Jdbc.millis(clock.instant());
            if (time != null && now.isBefore(time)) {
                now = time;
            }
            long next = seq + 1;
            String nextHash = AuditCanonicalForm.hash(hash, next, AuditCanonicalForm.formatTime(now), type.code(),
                    actor, requestId, payload);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_records (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, next);
                ps.setObject(2, now.atOffset(ZoneOffset.UTC));
                ps.setString(3, type.code());
                ps.setString(4, actor);
                ps.setString(5, requestId);
                ps.setString(6, payload);
                ps.setString(7, hash);
                ps.setString(8, nextHash);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw AuditSql.failure("append audit record", e);
            }
            AuditRecord appended = new AuditRecord(next, now, type.code(), actor, requestId, payload, hash, nextHash);
            seq = next;
            hash = nextHash;
            time = now;
            return appended;
        }

        /** Writes the head: the last record appended (or, when none was, the head as it was). */
        @Override
        public void close() {
            if (appended() == 0) {
                restoreSeq();
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE audit_head SET seq = ?, hash = ?, recorded_at = ? WHERE id = 1")) {
                ps.setLong(1, seq);
                ps.setString(2, hash);
                ps.setObject(3, time.atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            } catch (SQLException e) {
                throw AuditSql.failure("write the audit head", e);
            }
        }

        private void restoreSeq() {
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET seq = ? WHERE id = 1")) {
                ps.setLong(1, seq);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw AuditSql.failure("write the audit head", e);
            }
        }

        /** How many records this batch has appended. */
        public long appended() {
            return seq - headSeqAtStart;
        }
    }

    /**
     * Verifies the whole chain, streaming it in sequence order: every record must follow its predecessor without
     * a gap, carry its predecessor's hash, hash to its stored hash, and the last must be the recorded head.
     */
    public VerifyResult verify(Connection c) {
        try {
            long headSeq;
            String headHash;
            // Read the head first: records appended while verifying have a higher seq and are left out.
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new VerifyResult.Broken(1, BreakReason.HEAD_MISMATCH, "the audit head row is missing");
                }
                headSeq = rs.getLong("seq");
                headHash = rs.getString("hash");
            }
            long expected = 1;
            String prevHash = AuditCanonicalForm.GENESIS_HASH;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_records"
                    + " WHERE seq <= ? ORDER BY seq")) {
                ps.setFetchSize(FETCH_SIZE);
                ps.setLong(1, headSeq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong("seq");
                        if (seq != expected) {
                            return new VerifyResult.Broken(expected, BreakReason.GAP,
                                    "record " + expected + " is missing (the next stored record is " + seq + ")");
                        }
                        Optional<VerifyResult.Broken> broken = check(rs, seq, prevHash);
                        if (broken.isPresent()) {
                            return broken.get();
                        }
                        prevHash = rs.getString("hash");
                        expected++;
                    }
                }
            }
            long count = expected - 1;
            if (count != headSeq) {
                return new VerifyResult.Broken(expected, BreakReason.GAP, "the head is at record " + headSeq
                        + " but records from " + expected + " on are missing");
            }
            if (!prevHash.equals(headHash)) {
                return new VerifyResult.Broken(headSeq, BreakReason.HEAD_MISMATCH,
                        "the last record's hash is not the recorded head hash");
            }
            return new VerifyResult.Ok(count, headHash);
        } catch (SQLException e) {
            throw AuditSql.failure("verify audit chain", e);
        }
    }

    private static Optional<VerifyResult.Broken> check(ResultSet rs, long seq, String expectedPrev)
            throws SQLException {
        String storedPrev = rs.getString("prev_hash");
        if (!expectedPrev.equals(storedPrev)) {
            return Optional.of(new VerifyResult.Broken(seq, BreakReason.PREV_HASH_MISMATCH,
                    "record " + seq + " does not carry the hash of record " + (seq - 1)));
        }
        AuditRecord record = AuditSql.map(rs);
        if (!record.computeHash().equals(record.hash())) {
            return Optional.of(new VerifyResult.Broken(seq, BreakReason.HASH_MISMATCH,
                    "record " + seq + " does not hash to its stored hash"));
        }
        return Optional.empty();
    }

    /** Records matching the filter, in sequence order. */
    public List<AuditRecord> query(Connection c, AuditFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_records WHERE seq > ?");
        List<Object> params = new ArrayList<>();
        params.add(filter.afterSeq());
        filter.from().ifPresent(t -> {
            sql.append(" AND recorded_at >= ?");
            params.add(t.atOffset(ZoneOffset.UTC));
        });
        filter.to().ifPresent(t -> {
            sql.append(" AND recorded_at < ?");
            params.add(t.atOffset(ZoneOffset.UTC));
        });
        filter.type().ifPresent(t -> {
            sql.append(" AND type = ?");
            params.add(t.code());
        });
        filter.actor().ifPresent(a -> {
            sql.append(" AND actor = ?");
            params.add(a);
        });
        filter.requestId().ifPresent(r -> {
            sql.append(" AND request_id = ?");
            params.add(r);
        });
        sql.append(" ORDER BY seq FETCH FIRST ? ROWS ONLY");
        params.add(filter.limit());
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            List<AuditRecord> records = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(AuditSql.map(rs));
                }
            }
            return records;
        } catch (SQLException e) {
            throw AuditSql.failure("query audit records", e);
        }
    }

    /**
     * Writes at most {@code limit} records of a slice of the chain as JSON lines, one record a line in its
     * canonical export form, in sequence order: a page of an export ({@link AuditExportStream}). Times never
     * decrease along the chain, so a time range is a contiguous run of records. The stream is flushed, not closed.
     */
    public ExportPage export(Connection c, ExportSlice slice, int limit, OutputStream out) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_records WHERE seq > ? AND seq < ?");
        if (slice.from() != null) {
            sql.append(" AND recorded_at >= ?");
        }
        if (slice.to() != null) {
            sql.append(" AND recorded_at < ?");
        }
        sql.append(" ORDER BY seq LIMIT ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setFetchSize(Math.min(FETCH_SIZE, limit));
            int i = 1;
            ps.setLong(i++, slice.afterSeq());
            ps.setLong(i++, slice.beforeSeq());
            if (slice.from() != null) {
                ps.setObject(i++, slice.from().atOffset(ZoneOffset.UTC));
            }
            if (slice.to() != null) {
                ps.setObject(i++, slice.to().atOffset(ZoneOffset.UTC));
            }
            ps.setInt(i, limit);
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            long count = 0;
            long last = slice.afterSeq();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditRecord record = AuditSql.map(rs);
                    writer.write(record.exportLine());
                    writer.write('\n');
                    count++;
                    last = record.seq();
                }
            }
            writer.flush();
            return new ExportPage(count, last);
        } catch (SQLException e) {
            throw AuditSql.failure("export audit records", e);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the audit export failed", e);
        }
    }

    /**
     * Which records an export holds: recorded in {@code [from, to)} (either bound may be null) with a sequence
     * number in {@code (afterSeq, beforeSeq)}.
     */
    public record ExportSlice(Instant from, Instant to, long afterSeq, long beforeSeq) {
        /** The same slice from the record after {@code seq} on. */
        ExportSlice after(long seq) {
            return new ExportSlice(from, to, seq, beforeSeq);
        }
    }

    /** What one page of an export wrote: how many records, and the last one's sequence number. */
    public record ExportPage(long records, long lastSeq) {
    }
}
