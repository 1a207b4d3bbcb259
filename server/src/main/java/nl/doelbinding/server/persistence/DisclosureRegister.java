package nl.doelbinding.server.persistence;

import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.model.VNumber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The GDPR art. 15 register: which fields of which resident were released, to whom, for what purpose. */
public final class DisclosureRegister {

    /** Records released fields (one row each); call it in the transaction that stores the release. */
    public void record(Connection c, List<Disclosure> disclosures) {
        if (disclosures.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO disclosures (v_number, request_row_id,"
                + " decision_id, purpose, requester_unit, field, outcome, disclosed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Disclosure d : disclosures) {
                ps.setString(1, d.vNumber().value());
                ps.setLong(2, d.requestRowId());
                ps.setString(3, d.decisionId().toString());
                ps.setString(4, d.purpose().value());
                ps.setString(5, d.requesterUnit());
                ps.setString(6, d.field().value());
                ps.setString(7, d.outcome().name());
                ps.setObject(8, Jdbc.timestamp(d.disclosedAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Jdbc.failure("record disclosures", e);
        }
    }

    /** Every disclosure about one resident, oldest first, paged. */
    public List<Disclosure> byVNumber(Connection c, VNumber vNumber, int offset, int limit) {
        try (PreparedStatement ps = c.prepareStatement("SELECT v_number, request_row_id, decision_id, purpose,"
                + " requester_unit, field, outcome, disclosed_at FROM disclosures WHERE v_number = ?"
                + " ORDER BY disclosed_at, id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, vNumber.value());
            ps.setInt(2, offset);
            ps.setInt(3, limit);
            List<Disclosure> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Disclosure(new VNumber(rs.getString("v_number")), rs.getLong("request_row_id"),
                            UUID.fromString(rs.getString("decision_id")), new PurposeCode(rs.getString("purpose")),
                            rs.getString("requester_unit"), new FieldName(rs.getString("field")),
                            FieldOutcome.valueOf(rs.getString("outcome")), Jdbc.instant(rs, "disclosed_at")));
                }
            }
            return found;
        } catch (SQLException e) {
            throw Jdbc.failure("list disclosures", e);
        }
    }
}
