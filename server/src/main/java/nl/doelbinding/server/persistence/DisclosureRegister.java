package nl.doelbinding.server.persistence;

import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.model.VNumber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The GDPR art. 15 register: which fields of which resident were released, to whom, for what purpose. Stored as
 * one row per resident per decision ({@code disclosure_records}), listed as one {@link Disclosure} per field.
 */
public final class DisclosureRegister {

    /** Records what decisions released (one row per resident and decision); call it in the release's transaction. */
    public void record(Connection c, List<DisclosureRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO disclosure_records (v_number, request_row_id,"
                + " decision_id, purpose, requester_unit, fields, disclosed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (DisclosureRecord r : records) {
                ps.setString(1, r.vNumber().value());
                ps.setLong(2, r.requestRowId());
                ps.setString(3, r.decisionId().toString());
                ps.setString(4, r.purpose().value());
                ps.setString(5, r.requesterUnit());
                ps.setString(6, ReleasedFieldsColumn.encode(r.released()));
                ps.setObject(7, Jdbc.timestamp(r.disclosedAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Jdbc.failure("record disclosures", e);
        }
    }

    /**
     * Every released field of one resident, oldest first (by time, then in the order the rows were written, then in
     * the decision's field order), paged by field: {@code offset} fields are skipped and at most {@code limit}
     * returned. Each row holds at least one field, so the first {@code offset + limit} rows hold the page.
     */
    public List<Disclosure> byVNumber(Connection c, VNumber vNumber, int offset, int limit) {
        try (PreparedStatement ps = c.prepareStatement("SELECT request_row_id, decision_id, purpose, requester_unit,"
                + " fields, disclosed_at FROM disclosure_records WHERE v_number = ?"
                + " ORDER BY disclosed_at, id FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, vNumber.value());
            ps.setLong(2, (long) offset + limit);
            List<Disclosure> page = new ArrayList<>(Math.min(limit, 64));
            long skip = offset;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && page.size() < limit) {
                    for (Disclosure d : read(rs, vNumber).disclosures()) {
                        if (skip > 0) {
                            skip--;
                        } else if (page.size() < limit) {
                            page.add(d);
                        }
                    }
                }
            }
            return page;
        } catch (SQLException e) {
            throw Jdbc.failure("list disclosures", e);
        }
    }

    private static DisclosureRecord read(ResultSet rs, VNumber vNumber) throws SQLException {
        return new DisclosureRecord(vNumber, rs.getLong("request_row_id"), UUID.fromString(rs.getString("decision_id")),
                new PurposeCode(rs.getString("purpose")), rs.getString("requester_unit"),
                ReleasedFieldsColumn.decode(rs.getString("fields")), Jdbc.instant(rs, "disclosed_at"));
    }
}
