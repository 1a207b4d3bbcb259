package nl.doelbinding.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The history of ruleset versions: append-only, one row per lifecycle step. */
public final class RulesetHistory {
    /** Adds a step in the caller's transaction. */
    public void record(Connection c, RulesetEvent event) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ruleset_events (version, step, actor,"
                + " occurred_at, detail) VALUES (?, ?, ?, ?, ?)")) {
            ps.setInt(1, event.version());
            ps.setString(2, event.step().name());
            ps.setString(3, event.actor());
            ps.setObject(4, Jdbc.timestamp(event.occurredAt()));
            ps.setString(5, event.detail().orElse(null));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("record ruleset history", e);
        }
    }

    /** A version's steps, oldest first. */
    public List<RulesetEvent> of(Connection c, int version) {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, step, actor, occurred_at, detail"
                + " FROM ruleset_events WHERE version = ? ORDER BY id")) {
            ps.setInt(1, version);
            List<RulesetEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new RulesetEvent(rs.getInt("version"), RulesetStep.valueOf(rs.getString("step")),
                            rs.getString("actor"), Jdbc.instant(rs, "occurred_at"),
                            Optional.ofNullable(rs.getString("detail"))));
                }
            }
            return events;
        } catch (SQLException e) {
            throw Jdbc.failure("read ruleset history", e);
        }
    }
}
