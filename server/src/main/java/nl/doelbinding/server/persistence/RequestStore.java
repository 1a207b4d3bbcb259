package nl.doelbinding.server.persistence;

import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.model.RequestHistory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Received requests, keyed for idempotency by (requester client, request id).
 *
 * <p>The key is per OAuth client because request ids are issued by the requesting police system, which is
 * the client; a replay must in addition come from the same token subject, so that one officer never receives
 * another officer's decision by guessing a request id. Bodies are compared by the SHA-256 of their canonical
 * JSON, so a re-sent request that differs only in formatting or member order is a replay.
 */
public final class RequestStore {
    private static final String COLUMNS = "id, requester_subject, requester_client, requester_unit, request_id, "
            + "body_sha256, body, purpose, received_at, status, earlier_requests, location_coverage";

    /**
     * Stores a received request, or finds the stored request with the same client and request id. The body's hash
     * comes with the request ({@link NewRequest#bodySha256()}, of its canonical JSON): the caller has parsed it.
     */
    public ReceiveResult saveReceived(Connection c, NewRequest request) {
        return saveReceived(c, request, RequestStatus.RECEIVED);
    }

    /**
     * As {@link #saveReceived(Connection, NewRequest)}, storing a new request with {@code status} at once (the
     * decision log knows the final status before it writes: the row becomes visible with its decision).
     */
    public ReceiveResult saveReceived(Connection c, NewRequest request, RequestStatus status) {
        String bodySha256 = request.bodySha256();
        try {
            // Insert first: a new request (the common case) costs one statement; a taken key is looked up then.
            Long id = Jdbc.unlessDuplicate(c, () -> insert(c, request, bodySha256, status));
            if (id == null) {
                // Stored before, or by a concurrent transaction that has committed (the insert waited for it).
                StoredRequest winner = find(c, request.requesterClient(), request.requestId())
                        .orElseThrow(() -> new TransientPersistenceException("request key taken by an unfinished transaction", null));
                return compare(winner, request, bodySha256);
            }
            return new ReceiveResult.Created(new StoredRequest(id, request.requesterSubject(),
                    request.requesterClient(), request.requesterUnit(), request.requestId(), bodySha256,
                    request.body(), request.purpose(), request.receivedAt(), status, request.history()));
        } catch (SQLException e) {
            throw Jdbc.failure("save received request", e);
        }
    }

    /** The stored request with this client and request id. */
    public Optional<StoredRequest> find(Connection c, String requesterClient, String requestId) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM requests WHERE requester_client = ? AND request_id = ?")) {
            ps.setString(1, requesterClient);
            ps.setString(2, requestId);
            return one(ps);
        } catch (SQLException e) {
            throw Jdbc.failure("find request", e);
        }
    }

    /** Every request with this requestId, whoever sent it (for auditors), oldest first. */
    public List<StoredRequest> byRequestId(Connection c, String requestId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM requests WHERE request_id = ?"
                + " ORDER BY id")) {
            ps.setString(1, requestId);
            List<StoredRequest> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(map(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw Jdbc.failure("read requests", e);
        }
    }

    /** The stored request with this row id. */
    public Optional<StoredRequest> byRowId(Connection c, long id) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM requests WHERE id = ?")) {
            ps.setLong(1, id);
            return one(ps);
        } catch (SQLException e) {
            throw Jdbc.failure("find request by row id", e);
        }
    }

    /** Sets the status; false when there is no such row. */
    public boolean updateStatus(Connection c, long id, RequestStatus status) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE requests SET status = ? WHERE id = ?")) {
            ps.setString(1, status.name());
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Jdbc.failure("update request status", e);
        }
    }

    /**
     * Requests received in {@code [from, to)}, by row id after {@code afterId} (0 for the first page), at most
     * {@code limit}: for re-deciding past requests under another ruleset version.
     */
    public List<StoredRequest> receivedBetween(Connection c, Instant from, Instant to, long afterId, int limit) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM requests"
                + " WHERE received_at >= ? AND received_at < ? AND id > ? ORDER BY id FETCH FIRST ? ROWS ONLY")) {
            ps.setObject(1, Jdbc.timestamp(from));
            ps.setObject(2, Jdbc.timestamp(to));
            ps.setLong(3, afterId);
            ps.setInt(4, limit);
            List<StoredRequest> page = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(map(rs));
                }
            }
            return page;
        } catch (SQLException e) {
            throw Jdbc.failure("list requests", e);
        }
    }

    private static ReceiveResult compare(StoredRequest existing, NewRequest request, String bodySha256) {
        if (!existing.requesterSubject().equals(request.requesterSubject())) {
            return new ReceiveResult.Conflict(existing, ReceiveResult.ConflictReason.REQUESTER_DIFFERS);
        }
        if (!existing.bodySha256().equals(bodySha256)) {
            return new ReceiveResult.Conflict(existing, ReceiveResult.ConflictReason.BODY_DIFFERS);
        }
        return new ReceiveResult.Replay(existing);
    }

    private static long insert(Connection c, NewRequest r, String bodySha256, RequestStatus status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO requests (requester_subject, requester_client,"
                + " requester_unit, request_id, body_sha256, body, purpose, received_at, status, earlier_requests,"
                + " location_coverage) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            ps.setString(1, r.requesterSubject());
            ps.setString(2, r.requesterClient());
            ps.setString(3, r.requesterUnit());
            ps.setString(4, r.requestId());
            ps.setString(5, bodySha256);
            ps.setString(6, r.body());
            ps.setString(7, r.purpose().map(PurposeCode::value).orElse(null));
            ps.setObject(8, Jdbc.timestamp(r.receivedAt()));
            ps.setString(9, status.name());
            ps.setInt(10, r.history().earlierRequests());
            ps.setInt(11, r.history().locationCoverage());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated id for the new request");
                }
                return keys.getLong(1);
            }
        }
    }

    private static Optional<StoredRequest> one(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
    }

    private static StoredRequest map(ResultSet rs) throws SQLException {
        String purpose = rs.getString("purpose");
        return new StoredRequest(rs.getLong("id"), rs.getString("requester_subject"),
                rs.getString("requester_client"), rs.getString("requester_unit"), rs.getString("request_id"),
                rs.getString("body_sha256"), rs.getString("body"),
                Optional.ofNullable(purpose).map(PurposeCode::new), Jdbc.instant(rs, "received_at"),
                RequestStatus.valueOf(rs.getString("status")), history(rs));
    }

    /** The stored history; a request stored before it was counted (NULL) was decided as a first request. */
    private static RequestHistory history(ResultSet rs) throws SQLException {
        int earlier = rs.getInt("earlier_requests");
        if (rs.wasNull()) {
            return RequestHistory.NONE;
        }
        return new RequestHistory(earlier, rs.getInt("location_coverage"));
    }
}
