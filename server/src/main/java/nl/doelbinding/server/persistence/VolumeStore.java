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
        try {
            return sum(c, "SELECT COALESCE(SUM(requests), 0) FROM volume_requests WHERE requester_unit = ?"
                    + " AND day_number >= ?", unit, Math.toIntExact(fromDay));
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
            int covered = sum(c, "SELECT COALESCE(SUM(residents), 0) FROM volume_coverage WHERE requester_unit = ?"
                    + " AND location = ? AND day_number >= ?", unit, location, Math.toIntExact(fromDay));
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
            addOrInsert(c, "UPDATE volume_requests SET requests = requests + ? WHERE requester_unit = ?"
                    + " AND day_number = ?", "INSERT INTO volume_requests (requests, requester_unit, day_number)"
                    + " VALUES (?, ?, ?)", 1, unit, Math.toIntExact(day));
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
                Integer inserted = Jdbc.unlessDuplicate(c, () -> execute(c, "INSERT INTO volume_subjects (day_number,"
                        + " requester_unit, location, v_number) VALUES (?, ?, ?, ?)", today, unit, location, vNumber));
                if (inserted == null) {
                    return; // another node counted this resident at the same moment
                }
            } else {
                execute(c, "UPDATE volume_subjects SET day_number = ? WHERE requester_unit = ? AND location = ?"
                        + " AND v_number = ?", today, unit, location, vNumber);
                coverage(c, unit, location, last, -1);
            }
            coverage(c, unit, location, today, +1);
        } catch (SQLException e) {
            throw Jdbc.failure("count a named resident", e);
        }
    }

    private static Integer lastNamed(Connection c, String unit, String location, String vNumber) throws SQLException {
        try (PreparedStatement ps = statement(c, "SELECT day_number FROM volume_subjects WHERE requester_unit = ?"
                + " AND location = ? AND v_number = ?", unit, location, vNumber);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : null;
        }
    }

    /** Adds {@code change} to the residents last named on {@code day} at the location. */
    private static void coverage(Connection c, String unit, String location, int day, int change) throws SQLException {
        addOrInsert(c, "UPDATE volume_coverage SET residents = residents + ? WHERE requester_unit = ? AND location = ?"
                + " AND day_number = ?", "INSERT INTO volume_coverage (residents, requester_unit, location, day_number)"
                + " VALUES (?, ?, ?, ?)", change, unit, location, day);
    }

    /**
     * Adds to a counter row, or creates it: {@code update} and {@code insert} take the same parameters, the amount
     * first. A row created by another node at the same moment is added to.
     */
    private static void addOrInsert(Connection c, String update, String insert, Object... params) throws SQLException {
        if (execute(c, update, params) == 0 && Jdbc.unlessDuplicate(c, () -> execute(c, insert, params)) == null) {
            execute(c, update, params);
        }
    }

    private static int execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = statement(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    private static int sum(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = statement(c, sql, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return Math.toIntExact(rs.getLong(1));
        }
    }

    private static PreparedStatement statement(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }
}
