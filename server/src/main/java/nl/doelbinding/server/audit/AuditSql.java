package nl.doelbinding.server.audit;

import nl.doelbinding.server.persistence.Jdbc;
import nl.doelbinding.server.persistence.PersistenceException;
import nl.doelbinding.server.persistence.TransientPersistenceException;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Row mapping and error translation of the audit tables. */
final class AuditSql {
    private AuditSql() {
    }

    static AuditRecord map(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong("seq"), Jdbc.instant(rs, "recorded_at"), rs.getString("type"),
                rs.getString("actor"), rs.getString("request_id"), rs.getString("payload"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    static PersistenceException failure(String operation, SQLException e) {
        // A duplicate seq can only mean a concurrent writer got past the head lock: running again is safe.
        if (Jdbc.isUniqueViolation(e)) {
            return new TransientPersistenceException(operation + " failed: SQLSTATE " + e.getSQLState(),
                    Jdbc.redacted(e));
        }
        return Jdbc.failure(operation, e);
    }
}
