package nl.doelbinding.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The review queue: escalations opened by ESCALATED decisions and closed by a reviewer's verdict. */
public final class EscalationStore {
    private static final String COLUMNS = "escalation_id, request_row_id, decision_id, status, fields, created_at,"
            + " reviewer, verdict, closed_at";

    /** Opens an escalation for the request and its ESCALATED decision. */
    public StoredEscalation open(Connection c, UUID escalationId, long requestRowId, UUID decisionId,
                                 String fieldsJson, Instant createdAt) {
        Objects.requireNonNull(fieldsJson, "fieldsJson");
        Instant created = Jdbc.millis(createdAt);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO escalations (escalation_id, request_row_id,"
                + " decision_id, status, fields, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, escalationId.toString());
            ps.setLong(2, requestRowId);
            ps.setString(3, decisionId.toString());
            ps.setString(4, EscalationStatus.OPEN.name());
            ps.setString(5, fieldsJson);
            ps.setObject(6, Jdbc.timestamp(created));
            ps.executeUpdate();
            return new StoredEscalation(escalationId, requestRowId, decisionId, EscalationStatus.OPEN, fieldsJson,
                    created, Optional.empty(), Optional.empty(), Optional.empty());
        } catch (SQLException e) {
            throw Jdbc.failure("open escalation", e);
        }
    }

    /** Open escalations, oldest first, at most {@code limit}, skipping the first {@code offset}. */
    public List<StoredEscalation> openOldestFirst(Connection c, int offset, int limit) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM escalations WHERE status = ?"
                + " ORDER BY created_at, escalation_id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, EscalationStatus.OPEN.name());
            ps.setInt(2, offset);
            ps.setInt(3, limit);
            List<StoredEscalation> open = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    open.add(map(rs));
                }
            }
            return open;
        } catch (SQLException e) {
            throw Jdbc.failure("list open escalations", e);
        }
    }

    /** The escalation with this id. */
    public Optional<StoredEscalation> find(Connection c, UUID escalationId) {
        return one(c, "SELECT " + COLUMNS + " FROM escalations WHERE escalation_id = ?", escalationId.toString());
    }

    /** The (oldest) open escalation of a stored request, if any. */
    public Optional<StoredEscalation> openFor(Connection c, long requestRowId) {
        return one(c, "SELECT " + COLUMNS + " FROM escalations WHERE request_row_id = ? AND status = 'OPEN'"
                + " ORDER BY created_at, escalation_id FETCH FIRST 1 ROWS ONLY", requestRowId);
    }

    /**
     * Closes an open escalation with a verdict. Of two reviewers racing to close the same escalation exactly one
     * gets {@link CloseResult.Closed}: the update only matches an OPEN row.
     */
    public CloseResult close(Connection c, UUID escalationId, String reviewer, String verdictJson, Instant closedAt) {
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(verdictJson, "verdictJson");
        try (PreparedStatement ps = c.prepareStatement("UPDATE escalations SET status = ?, reviewer = ?,"
                + " verdict = ?, closed_at = ? WHERE escalation_id = ? AND status = ?")) {
            ps.setString(1, EscalationStatus.CLOSED.name());
            ps.setString(2, reviewer);
            ps.setString(3, verdictJson);
            ps.setObject(4, Jdbc.timestamp(closedAt));
            ps.setString(5, escalationId.toString());
            ps.setString(6, EscalationStatus.OPEN.name());
            int updated = ps.executeUpdate();
            Optional<StoredEscalation> stored = find(c, escalationId);
            if (stored.isEmpty()) {
                return new CloseResult.NotFound();
            }
            return updated == 1 ? new CloseResult.Closed(stored.get()) : new CloseResult.AlreadyClosed(stored.get());
        } catch (SQLException e) {
            throw Jdbc.failure("close escalation", e);
        }
    }

    /**
     * Closed escalations whose final decision the channels have not all taken yet, closed before {@code closedBefore},
     * oldest first, at most {@code limit}.
     */
    public List<StoredEscalation> repliesOwed(Connection c, Instant closedBefore, int limit) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM escalations"
                + " WHERE replies_sent_at IS NULL AND status = ? AND closed_at < ?"
                + " ORDER BY closed_at, escalation_id FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, EscalationStatus.CLOSED.name());
            ps.setObject(2, Jdbc.timestamp(closedBefore));
            ps.setInt(3, limit);
            List<StoredEscalation> owed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owed.add(map(rs));
                }
            }
            return owed;
        } catch (SQLException e) {
            throw Jdbc.failure("list owed review replies", e);
        }
    }

    /** Notes that every channel has taken the final decision of this closed escalation; true if it was owed. */
    public boolean repliesSent(Connection c, UUID escalationId, Instant sentAt) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE escalations SET replies_sent_at = ?"
                + " WHERE escalation_id = ? AND status = ? AND replies_sent_at IS NULL")) {
            ps.setObject(1, Jdbc.timestamp(Jdbc.millis(sentAt)));
            ps.setString(2, escalationId.toString());
            ps.setString(3, EscalationStatus.CLOSED.name());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Jdbc.failure("note review replies sent", e);
        }
    }

    private static Optional<StoredEscalation> one(Connection c, String sql, Object param) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("find escalation", e);
        }
    }

    private static StoredEscalation map(ResultSet rs) throws SQLException {
        return new StoredEscalation(UUID.fromString(rs.getString("escalation_id")), rs.getLong("request_row_id"),
                UUID.fromString(rs.getString("decision_id")), EscalationStatus.valueOf(rs.getString("status")),
                rs.getString("fields"), Jdbc.instant(rs, "created_at"),
                Optional.ofNullable(rs.getString("reviewer")), Optional.ofNullable(rs.getString("verdict")),
                Optional.ofNullable(Jdbc.instant(rs, "closed_at")));
    }
}
