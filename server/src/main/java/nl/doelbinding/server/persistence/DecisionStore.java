package nl.doelbinding.server.persistence;

import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.RulesetRef;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Decisions per request. The latest saved decision of a request is its current (final) one; saving a new one
 * (after a review) supersedes the previous, which stays stored for the record.
 */
public final class DecisionStore {
    private static final String COLUMNS = "d.decision_id, d.request_row_id, d.overall, d.ruleset_version, "
            + "d.ruleset_sha256, d.decision, d.decided_at, d.final_request_row, d.superseded_by";

    /**
     * Stores a decision as the request's current one, superseding the previous current decision. The request row
     * is locked first, so concurrent saves for one request (two nodes finishing a review) queue up instead of
     * racing: each supersedes the one committed before it.
     *
     * @throws PersistenceException when the request row does not exist
     */
    public StoredDecision save(Connection c, NewDecision d) {
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM requests WHERE id = ? FOR UPDATE")) {
                ps.setLong(1, d.requestRowId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new PersistenceException("save decision failed: no stored request with that row id");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE decisions SET final_request_row = NULL,"
                    + " superseded_by = ? WHERE final_request_row = ?")) {
                ps.setString(1, d.decisionId().toString());
                ps.setLong(2, d.requestRowId());
                ps.executeUpdate();
            }
            return insert(c, d);
        } catch (SQLException e) {
            throw Jdbc.failure("save decision", e);
        }
    }

    /**
     * Stores the first decision of a request that this transaction has just inserted: the row is already locked
     * by the insert and there is nothing to supersede (a second first decision breaks the unique constraint on
     * the final decision, so a misuse fails instead of forking).
     */
    public StoredDecision saveFirst(Connection c, NewDecision d) {
        try {
            return insert(c, d);
        } catch (SQLException e) {
            throw Jdbc.failure("save decision", e);
        }
    }

    private static StoredDecision insert(Connection c, NewDecision d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO decisions (decision_id, request_row_id,"
                + " overall, ruleset_version, ruleset_sha256, decision, decided_at, final_request_row)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.decisionId().toString());
            ps.setLong(2, d.requestRowId());
            ps.setString(3, d.overall().name());
            if (d.ruleset().version().isPresent()) {
                ps.setInt(4, d.ruleset().version().getAsInt());
            } else {
                ps.setNull(4, Types.INTEGER);
            }
            ps.setString(5, d.ruleset().sha256());
            ps.setString(6, d.json());
            ps.setObject(7, Jdbc.timestamp(d.decidedAt()));
            ps.setLong(8, d.requestRowId());
            ps.executeUpdate();
        }
        return new StoredDecision(d.decisionId(), d.requestRowId(), d.overall(), d.ruleset(), d.json(),
                d.decidedAt(), true, Optional.empty());
    }

    /** The current decision on the request with this client and request id. */
    public Optional<StoredDecision> current(Connection c, String requesterClient, String requestId) {
        return one(c, "SELECT " + COLUMNS + " FROM decisions d JOIN requests r ON r.id = d.final_request_row"
                + " WHERE r.requester_client = ? AND r.request_id = ?", requesterClient, requestId);
    }

    /** The current decision on the stored request with this row id. */
    public Optional<StoredDecision> currentForRequest(Connection c, long requestRowId) {
        return one(c, "SELECT " + COLUMNS + " FROM decisions d WHERE d.final_request_row = ?", requestRowId);
    }

    /** The decision with this id, current or superseded. */
    public Optional<StoredDecision> find(Connection c, UUID decisionId) {
        return one(c, "SELECT " + COLUMNS + " FROM decisions d WHERE d.decision_id = ?", decisionId.toString());
    }

    /** Every decision on the stored request, oldest first. */
    public List<StoredDecision> history(Connection c, long requestRowId) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM decisions d"
                + " WHERE d.request_row_id = ? ORDER BY d.decided_at, d.final_request_row NULLS FIRST")) {
            ps.setLong(1, requestRowId);
            List<StoredDecision> all = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(map(rs));
                }
            }
            return all;
        } catch (SQLException e) {
            throw Jdbc.failure("list decisions", e);
        }
    }

    private static Optional<StoredDecision> one(Connection c, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("find decision", e);
        }
    }

    private static StoredDecision map(ResultSet rs) throws SQLException {
        int version = rs.getInt("ruleset_version");
        OptionalInt rulesetVersion = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
        rs.getLong("final_request_row");
        boolean current = !rs.wasNull();
        String supersededBy = rs.getString("superseded_by");
        return new StoredDecision(UUID.fromString(rs.getString("decision_id")), rs.getLong("request_row_id"),
                OverallDecision.valueOf(rs.getString("overall")),
                new RulesetRef(rulesetVersion, rs.getString("ruleset_sha256")), rs.getString("decision"),
                Jdbc.instant(rs, "decided_at"), current, Optional.ofNullable(supersededBy).map(UUID::fromString));
    }
}
