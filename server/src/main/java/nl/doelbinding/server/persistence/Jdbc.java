package nl.doelbinding.server.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/** JDBC conventions shared by the stores: UTC millisecond timestamps, error classification. */
public final class Jdbc {
    /** SQLSTATE of a unique or primary-key violation, on H2 and PostgreSQL alike. */
    static final String UNIQUE_VIOLATION = "23505";

    /**
     * SQLSTATEs after which the transaction was rolled back and may simply run again: serialisation failure and
     * deadlock (40001, 40P01), H2's lock timeout (HYT00) and concurrent update (90131).
     */
    private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "HYT00", "90131");

    private Jdbc() {
    }

    /** Stored times have millisecond precision: both databases then give back exactly what was written. */
    public static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : millis(instant).atOffset(ZoneOffset.UTC);
    }

    /** A stored time, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** True for a unique or primary-key violation. */
    public static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransientPersistenceException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    if (e.getSQLState() != null && TRANSIENT.contains(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Wraps a JDBC failure; the message names the operation, never the data. */
    public static PersistenceException failure(String operation, SQLException e) {
        if (isTransient(e)) {
            return new TransientPersistenceException(operation + " failed: SQLSTATE " + e.getSQLState(), redacted(e));
        }
        return new PersistenceException(operation + " failed: SQLSTATE " + e.getSQLState(), redacted(e));
    }

    /** A unique violation that only a concurrent transaction can have caused: running again resolves it. */
    static TransientPersistenceException raceLost(String operation, SQLException e) {
        return new TransientPersistenceException(operation + " lost a race with a concurrent transaction",
                redacted(e));
    }

    /**
     * The failure without its message: drivers quote row values in messages (H2 prints the whole duplicate row,
     * PostgreSQL the duplicate key), which would put personal data into logs. SQLSTATE, vendor code, exception
     * class and stack trace are kept.
     */
    public static SQLException redacted(SQLException e) {
        SQLException copy = new SQLException(e.getClass().getName() + " (message withheld: it may quote row data)",
                e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /** A unit of JDBC work inside a savepoint, so that a failed statement does not abort the transaction. */
    @FunctionalInterface
    interface SavepointWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} inside a savepoint; on a unique violation rolls back to the savepoint and returns null
     * (PostgreSQL aborts the whole transaction on any failed statement unless a savepoint is rolled back).
     */
    static <T> T unlessDuplicate(Connection c, SavepointWork<T> work) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            T result = work.run();
            c.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            c.rollback(savepoint);
            if (isUniqueViolation(e)) {
                return null;
            }
            throw e;
        }
    }
}
