package nl.doelbinding.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The reply address of each request that came in on the queue (table {@code request_replies}). */
public final class ReplyAddressStore {
    /** A stored address: queue and correlation id (possibly null). */
    public record Row(String replyTo, String correlationId) {
    }

    /** Stores the address of the request (client, requestId) unless one is stored; false when none was added. */
    public boolean remember(Connection c, String client, String requestId, String replyTo, String correlationId,
                            Instant at) {
        try {
            Boolean added = Jdbc.unlessDuplicate(c, () -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO request_replies (request_row_id, channel,"
                        + " reply_to, correlation_id, created_at) SELECT r.id, 'amqp', ?, ?, ? FROM requests r"
                        + " WHERE r.requester_client = ? AND r.request_id = ? AND NOT EXISTS"
                        + " (SELECT 1 FROM request_replies x WHERE x.request_row_id = r.id)")) {
                    ps.setString(1, replyTo);
                    ps.setString(2, correlationId);
                    ps.setObject(3, Jdbc.timestamp(at));
                    ps.setString(4, client);
                    ps.setString(5, requestId);
                    return ps.executeUpdate() == 1;
                }
            });
            return Boolean.TRUE.equals(added);
        } catch (SQLException e) {
            throw Jdbc.failure("remember reply address", e);
        }
    }

    /** The address stored for the request (client, requestId). */
    public Optional<Row> find(Connection c, String client, String requestId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT x.reply_to, x.correlation_id FROM request_replies x"
                + " JOIN requests r ON r.id = x.request_row_id WHERE r.requester_client = ? AND r.request_id = ?")) {
            ps.setString(1, client);
            ps.setString(2, requestId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("find reply address", e);
        }
    }
}
