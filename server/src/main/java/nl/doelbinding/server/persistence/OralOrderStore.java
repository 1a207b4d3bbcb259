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

/** Oral orders and their written confirmations (legal catalogue R7). */
public final class OralOrderStore {
    private static final String COLUMNS = "request_row_id, ordered_at, written_due, written_reference, written_received";

    /** Records that a stored request rests on an oral order whose written form is due at {@code writtenDue}. */
    public OralOrder open(Connection c, long requestRowId, Instant orderedAt, Instant writtenDue) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO oral_orders (request_row_id, ordered_at,"
                + " written_due) VALUES (?, ?, ?)")) {
            ps.setLong(1, requestRowId);
            ps.setObject(2, Jdbc.timestamp(Jdbc.millis(orderedAt)));
            ps.setObject(3, Jdbc.timestamp(Jdbc.millis(writtenDue)));
            ps.executeUpdate();
            return new OralOrder(requestRowId, Jdbc.millis(orderedAt), Jdbc.millis(writtenDue), Optional.empty());
        } catch (SQLException e) {
            throw Jdbc.failure("record oral order", e);
        }
    }

    /** The oral order of a stored request, if it rested on one. */
    public Optional<OralOrder> find(Connection c, long requestRowId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM oral_orders"
                + " WHERE request_row_id = ?")) {
            ps.setLong(1, requestRowId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("find oral order", e);
        }
    }

    /**
     * Records the written order. Only the first one counts: false when a written order was already recorded
     * (the stored one stays).
     */
    public boolean confirm(Connection c, long requestRowId, String reference, Instant receivedAt) {
        Objects.requireNonNull(reference, "reference");
        try (PreparedStatement ps = c.prepareStatement("UPDATE oral_orders SET written_reference = ?,"
                + " written_received = ? WHERE request_row_id = ? AND written_received IS NULL")) {
            ps.setString(1, reference);
            ps.setObject(2, Jdbc.timestamp(Jdbc.millis(receivedAt)));
            ps.setLong(3, requestRowId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Jdbc.failure("confirm oral order", e);
        }
    }

    /** Oral orders still without a written order, the longest due first, at most {@code limit}. */
    public List<OralOrder> awaiting(Connection c, int offset, int limit) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM oral_orders"
                + " WHERE written_received IS NULL ORDER BY written_due, request_row_id"
                + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")) {
            ps.setInt(1, offset);
            ps.setInt(2, limit);
            List<OralOrder> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(map(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw Jdbc.failure("list oral orders", e);
        }
    }

    /** How many oral orders are past their due time without a written order. */
    public long overdueCount(Connection c, Instant now) {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM oral_orders"
                + " WHERE written_received IS NULL AND written_due < ?")) {
            ps.setObject(1, Jdbc.timestamp(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("count overdue oral orders", e);
        }
    }

    private static OralOrder map(ResultSet rs) throws SQLException {
        String reference = rs.getString("written_reference");
        return new OralOrder(rs.getLong("request_row_id"), Jdbc.instant(rs, "ordered_at"),
                Jdbc.instant(rs, "written_due"), reference == null ? Optional.empty()
                : Optional.of(new OralOrder.WrittenOrder(reference, Jdbc.instant(rs, "written_received"))));
    }
}
