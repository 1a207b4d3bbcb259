package nl.doelbinding.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Keys already processed, per processor (the file-drop route's idempotent repository), so that a batch is
 * processed once, even across restarts and nodes.
 *
 * <p>Camel's {@code JdbcMessageIdRepository} can use the same table: table {@code processed_files}, columns
 * {@code processor_name}, {@code message_id}, {@code created_at}, with {@code createTableIfNotExists=false}
 * and its query, insert, delete and clear statements set to those columns.
 */
public final class ProcessedFileStore {

    /** Marks a key processed; false when it already was (by this or another node). */
    public boolean add(Connection c, String processor, String key, Instant at) {
        try {
            Boolean added = Jdbc.unlessDuplicate(c, () -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO processed_files (processor_name,"
                        + " message_id, created_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, processor);
                    ps.setString(2, key);
                    ps.setObject(3, Jdbc.timestamp(at));
                    ps.executeUpdate();
                    return Boolean.TRUE;
                }
            });
            return added != null;
        } catch (SQLException e) {
            throw Jdbc.failure("mark key processed", e);
        }
    }

    /** True when the key was processed. */
    public boolean contains(Connection c, String processor, String key) {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM processed_files"
                + " WHERE processor_name = ? AND message_id = ?")) {
            ps.setString(1, processor);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("look up processed key", e);
        }
    }

    /** Forgets a key (processing failed and may be tried again); false when it was not there. */
    public boolean remove(Connection c, String processor, String key) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM processed_files"
                + " WHERE processor_name = ? AND message_id = ?")) {
            ps.setString(1, processor);
            ps.setString(2, key);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Jdbc.failure("remove processed key", e);
        }
    }

    /** Forgets every key of a processor; returns how many. */
    public int clear(Connection c, String processor) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM processed_files WHERE processor_name = ?")) {
            ps.setString(1, processor);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("clear processed keys", e);
        }
    }
}
