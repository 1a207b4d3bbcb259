package nl.doelbinding.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the final decision on a request must go after a review (table {@code request_replies}): for a request
 * that came in on the queue its reply address ({@link #AMQP}), for one from a batch the file-drop binding that
 * delivered it ({@link #FILE}).
 */
public final class ReplyAddressStore {
    public static final String AMQP = "amqp";
    public static final String FILE = "file";

    /** A stored address: queue and correlation id (possibly null). */
    public record Row(String replyTo, String correlationId) {
    }

    /** Stores the address of the request (client, requestId) unless one is stored; false when none was added. */
    public boolean remember(Connection c, String client, String requestId, String replyTo, String correlationId,
                            Instant at) {
        return remember(c, AMQP, client, requestId, replyTo, correlationId, at);
    }

    /** As above, for the given channel ({@link #AMQP} or {@link #FILE}). */
    public boolean remember(Connection c, String channel, String client, String requestId, String replyTo,
                            String correlationId, Instant at) {
        try {
            Boolean added = Jdbc.unlessDuplicate(c, () -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO request_replies (request_row_id, channel,"
                        + " reply_to, correlation_id, created_at) SELECT r.id, ?, ?, ?, ? FROM requests r"
                        + " WHERE r.requester_client = ? AND r.request_id = ? AND NOT EXISTS"
                        + " (SELECT 1 FROM request_replies x WHERE x.request_row_id = r.id)")) {
                    ps.setString(1, channel);
                    ps.setString(2, replyTo);
                    ps.setString(3, correlationId);
                    ps.setObject(4, Jdbc.timestamp(at));
                    ps.setString(5, client);
                    ps.setString(6, requestId);
                    return ps.executeUpdate() == 1;
                }
            });
            return Boolean.TRUE.equals(added);
        } catch (SQLException e) {
            throw Jdbc.failure("remember reply address", e);
        }
    }

    /** The queue reply address stored for the request (client, requestId). */
    public Optional<Row> find(Connection c, String client, String requestId) {
        return find(c, AMQP, client, requestId);
    }

    /** The address stored for the request (client, requestId) on this channel. */
    public Optional<Row> find(Connection c, String channel, String client, String requestId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT x.reply_to, x.correlation_id FROM request_replies x"
                + " JOIN requests r ON r.id = x.request_row_id WHERE r.requester_client = ? AND r.request_id = ?"
                + " AND x.channel = ?")) {
            ps.setString(1, client);
            ps.setString(2, requestId);
            ps.setString(3, channel);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("find reply address", e);
        }
    }
}
