package nl.doelbinding.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * The counts behind the volume rules (legal catalogue R8): requests per requesting unit and day, and the residents
 * a unit's requests named per reception location. Days are UTC epoch days.
 */
public final class VolumeStore {
    /** The unit's requests on the days from {@code fromDay} on. */
    public int requestsSince(Connection c, String unit, long fromDay) {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(requests), 0) FROM volume_requests"
                + " WHERE requester_unit = ? AND day_number >= ?")) {
            ps.setString(1, unit);
            ps.setInt(2, Math.toIntExact(fromDay));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Math.toIntExact(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("count a unit's requests", e);
        }
    }

    /** The V-numbers at {@code location} that the unit's requests named on the days from {@code fromDay} on. */
    public Set<String> subjectsSince(Connection c, String unit, String location, long fromDay) {
        try (PreparedStatement ps = c.prepareStatement("SELECT v_number FROM volume_subjects"
                + " WHERE requester_unit = ? AND location = ? AND day_number >= ?")) {
            ps.setString(1, unit);
            ps.setString(2, location);
            ps.setInt(3, Math.toIntExact(fromDay));
            Set<String> named = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    named.add(rs.getString(1));
                }
            }
            return named;
        } catch (SQLException e) {
            throw Jdbc.failure("read a unit's coverage of a location", e);
        }
    }

    /** Counts one request of the unit on {@code day}. */
    public void countRequest(Connection c, String unit, long day) {
        try {
            if (update(c, "UPDATE volume_requests SET requests = requests + 1 WHERE requester_unit = ? AND day_number = ?",
                    unit, day) == 0) {
                Boolean inserted = Jdbc.unlessDuplicate(c, () -> update(c, "INSERT INTO volume_requests"
                        + " (requester_unit, day_number, requests) VALUES (?, ?, 1)", unit, day) == 1);
                if (inserted == null) {
                    // Another node counted the unit's first request of the day at the same moment: add to it.
                    update(c, "UPDATE volume_requests SET requests = requests + 1 WHERE requester_unit = ?"
                            + " AND day_number = ?", unit, day);
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("count a unit's request", e);
        }
    }

    /** Records that the unit's request on {@code day} named the resident at {@code location}. */
    public void countSubject(Connection c, String unit, String location, String vNumber, long day) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE volume_subjects SET day_number = ?"
                + " WHERE requester_unit = ? AND location = ? AND v_number = ?")) {
            ps.setInt(1, Math.toIntExact(day));
            ps.setString(2, unit);
            ps.setString(3, location);
            ps.setString(4, vNumber);
            if (ps.executeUpdate() == 0) {
                // First named; a key taken meanwhile (another node, same moment) is the same fact.
                Jdbc.unlessDuplicate(c, () -> {
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO volume_subjects"
                            + " (requester_unit, location, v_number, day_number) VALUES (?, ?, ?, ?)")) {
                        insert.setString(1, unit);
                        insert.setString(2, location);
                        insert.setString(3, vNumber);
                        insert.setInt(4, Math.toIntExact(day));
                        return insert.executeUpdate();
                    }
                });
            }
        } catch (SQLException e) {
            throw Jdbc.failure("count a named resident", e);
        }
    }

    private static int update(Connection c, String sql, String unit, long day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, unit);
            ps.setInt(2, Math.toIntExact(day));
            return ps.executeUpdate();
        }
    }
}
