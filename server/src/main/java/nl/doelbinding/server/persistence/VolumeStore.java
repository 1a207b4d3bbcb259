package nl.doelbinding.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/**
 * The counts behind the volume rules (legal catalogue R8): requests per requesting unit and day, and the residents
 * a unit's requests named per reception location. Days are UTC epoch days.
 *
 * <p>Every read is by key or sums at most one row per day of the window: a resident's last naming is kept per
 * resident ({@code volume_subjects}), and how many residents were last named on each day per location
 * ({@code volume_coverage}), the two kept in step by {@link #countSubject}.
 */
public final class VolumeStore {
    /** The unit's requests on the days from {@code fromDay} on. */
    public int requestsSince(Connection c, String unit, long fromDay) {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(requests), 0) FROM volume_requests"
                + " WHERE requester_unit = ? AND day_number >= ?")) {
            ps.setString(1, unit);
            ps.setInt(2, Math.toIntExact(fromDay));
            return single(ps);
        } catch (SQLException e) {
            throw Jdbc.failure("count a unit's requests", e);
        }
    }

    /**
     * How many residents at {@code location} the unit's requests named on the days from {@code fromDay} on, together
     * with {@code alsoNamed} (a request's own subjects there): each resident once.
     */
    public int coveredSince(Connection c, String unit, String location, long fromDay, Collection<String> alsoNamed) {
        try {
            int covered;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(residents), 0) FROM volume_coverage"
                    + " WHERE requester_unit = ? AND location = ? AND day_number >= ?")) {
                ps.setString(1, unit);
                ps.setString(2, location);
                ps.setInt(3, Math.toIntExact(fromDay));
                covered = single(ps);
            }
            for (String vNumber : alsoNamed) {
                Integer last = lastNamed(c, unit, location, vNumber);
                if (last == null || last < fromDay) {
                    covered++;
                }
            }
            return covered;
        } catch (SQLException e) {
            throw Jdbc.failure("read a unit's coverage of a location", e);
        }
    }

    /** Counts one request of the unit on {@code day}. */
    public void countRequest(Connection c, String unit, long day) {
        try {
            String add = "UPDATE volume_requests SET requests = requests + 1 WHERE requester_unit = ? AND day_number = ?";
            if (update(c, add, unit, day) == 0) {
                Boolean inserted = Jdbc.unlessDuplicate(c, () -> update(c, "INSERT INTO volume_requests"
                        + " (requester_unit, day_number, requests) VALUES (?, ?, 1)", unit, day) == 1);
                if (inserted == null) {
                    // Another node counted the unit's first request of the day at the same moment: add to it.
                    update(c, add, unit, day);
                }
            }
        } catch (SQLException e) {
            throw Jdbc.failure("count a unit's request", e);
        }
    }

    /**
     * Records that the unit's request on {@code day} named the resident at {@code location}. A resident named
     * earlier the same day is already counted: nothing is written.
     */
    public void countSubject(Connection c, String unit, String location, String vNumber, long day) {
        int today = Math.toIntExact(day);
        try {
            Integer last = lastNamed(c, unit, location, vNumber);
            if (last != null && last >= today) {
                return;
            }
            if (last == null) {
                Integer inserted = Jdbc.unlessDuplicate(c, () -> subject(c, "INSERT INTO volume_subjects (day_number,"
                        + " requester_unit, location, v_number) VALUES (?, ?, ?, ?)", today, unit, location, vNumber));
                if (inserted == null) {
                    return; // another node counted this resident at the same moment
                }
            } else {
                subject(c, "UPDATE volume_subjects SET day_number = ? WHERE requester_unit = ? AND location = ?"
                        + " AND v_number = ?", today, unit, location, vNumber);
                coverage(c, unit, location, last, -1);
            }
            coverage(c, unit, location, today, +1);
        } catch (SQLException e) {
            throw Jdbc.failure("count a named resident", e);
        }
    }

    private static Integer lastNamed(Connection c, String unit, String location, String vNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT day_number FROM volume_subjects"
                + " WHERE requester_unit = ? AND location = ? AND v_number = ?")) {
            ps.setString(1, unit);
            ps.setString(2, location);
            ps.setString(3, vNumber);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    /** Adds {@code change} to the residents last named on {@code day} at the location. */
    private static void coverage(Connection c, String unit, String location, int day, int change) throws SQLException {
        String add = "UPDATE volume_coverage SET residents = residents + ? WHERE requester_unit = ? AND location = ?"
                + " AND day_number = ?";
        if (coverageRow(c, add, change, unit, location, day) == 0) {
            Integer inserted = Jdbc.unlessDuplicate(c, () -> coverageRow(c, "INSERT INTO volume_coverage (residents,"
                    + " requester_unit, location, day_number) VALUES (?, ?, ?, ?)", change, unit, location, day));
            if (inserted == null) {
                coverageRow(c, add, change, unit, location, day);
            }
        }
    }

    private static int coverageRow(Connection c, String sql, int residents, String unit, String location, int day)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, residents);
            ps.setString(2, unit);
            ps.setString(3, location);
            ps.setInt(4, day);
            return ps.executeUpdate();
        }
    }

    private static int subject(Connection c, String sql, int day, String unit, String location, String vNumber)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, day);
            ps.setString(2, unit);
            ps.setString(3, location);
            ps.setString(4, vNumber);
            return ps.executeUpdate();
        }
    }

    private static int update(Connection c, String sql, String unit, long day) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, unit);
            ps.setInt(2, Math.toIntExact(day));
            return ps.executeUpdate();
        }
    }

    private static int single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Math.toIntExact(rs.getLong(1));
        }
    }
}
