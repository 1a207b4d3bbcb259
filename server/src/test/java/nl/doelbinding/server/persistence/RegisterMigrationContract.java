package nl.doelbinding.server.persistence;

import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.model.VNumber;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V6 on a database that already holds a register of the old shape (one row per released field):
 * run against H2 ({@link H2RegisterMigrationTest}) and PostgreSQL ({@link PostgresRegisterMigrationIT}).
 */
abstract class RegisterMigrationContract {
    static final Instant T0 = StoresContract.T0;
    static final PurposeCode TRACE = new PurposeCode("TRACE_MISSING_RESIDENT");
    static final VNumber ZOE = new VNumber("1000000001");
    static final VNumber OTHER = new VNumber("1000000002");
    static final DisclosureRegister REGISTER = new DisclosureRegister();

    /** A configuration whose database is fresh for this test class. */
    abstract DatabaseConfig config();

    @Test
    void theOldRegisterIsMigratedToOneRowPerResidentPerDecision() throws SQLException {
        DatabaseConfig config = config();
        Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:db/migration").target("5").load().migrate();
        UUID d1;
        UUID d2;
        UUID d3;
        long r1;
        long r2;
        long r3;
        try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password())) {
            c.setAutoCommit(false);
            r1 = request(c, "POL-1");
            r2 = request(c, "POL-2");
            r3 = request(c, "POL-3");
            d1 = decision(c, r1);
            d2 = decision(c, r2);
            d3 = decision(c, r3);
            // Written in this order by the old server (ids), but inserted shuffled: only the ids give the order.
            // d2 was written after d1 at the same time; d3 last but released earlier.
            oldRow(c, 21, ZOE, r2, d2, "room", "MASK", T0);
            oldRow(c, 10, ZOE, r1, d1, "name", "DISCLOSE", T0);
            oldRow(c, 30, ZOE, r3, d3, "nationality", "DISCLOSE", T0.minusSeconds(60));
            oldRow(c, 12, ZOE, r1, d1, "current_location", "GENERALISE", T0);
            oldRow(c, 14, OTHER, r1, d1, "name", "DISCLOSE", T0);
            oldRow(c, 11, ZOE, r1, d1, "date_of_birth", "DISCLOSE", T0);
            oldRow(c, 20, ZOE, r2, d2, "health", "PSEUDONYMISE", T0);
            oldRow(c, 13, ZOE, r1, d1, "phone", "MASK", T0);
            c.commit();
        }

        try (Database db = Database.open(config)) {
            List<Disclosure> zoe = list(db, ZOE, 0, 100);
            assertThat(zoe).containsExactly(
                    disclosure(ZOE, r3, d3, "nationality", FieldOutcome.DISCLOSE, T0.minusSeconds(60)),
                    disclosure(ZOE, r1, d1, "name", FieldOutcome.DISCLOSE, T0),
                    disclosure(ZOE, r1, d1, "date_of_birth", FieldOutcome.DISCLOSE, T0),
                    disclosure(ZOE, r1, d1, "current_location", FieldOutcome.GENERALISE, T0),
                    disclosure(ZOE, r1, d1, "phone", FieldOutcome.MASK, T0),
                    disclosure(ZOE, r2, d2, "health", FieldOutcome.PSEUDONYMISE, T0),
                    disclosure(ZOE, r2, d2, "room", FieldOutcome.MASK, T0));
            assertThat(list(db, OTHER, 0, 100))
                    .containsExactly(disclosure(OTHER, r1, d1, "name", FieldOutcome.DISCLOSE, T0));
            assertThat(list(db, ZOE, 3, 3))
                    .containsExactlyElementsOf(zoe.subList(3, 6));
            assertThat(storedRows(db)).containsExactly(
                    ZOE.value() + " " + d1 + " name=DISCLOSE,date_of_birth=DISCLOSE,current_location=GENERALISE,phone=MASK",
                    OTHER.value() + " " + d1 + " name=DISCLOSE",
                    ZOE.value() + " " + d2 + " health=PSEUDONYMISE,room=MASK",
                    ZOE.value() + " " + d3 + " nationality=DISCLOSE");
            try (Connection c = db.dataSource().getConnection();
                 ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "disclosures", null)) {
                assertThat(rs.next()).as("the old table is dropped").isFalse();
            }

            // New rows continue after the migrated ones: the latest of a tie in time comes last.
            StoredRequest r4 = db.transactions().inTransaction(c -> new RequestStore().saveReceived(c,
                    StoresContract.request("portal", "officer-1", "POL-4", StoresContract.BODY)).request());
            UUID d4 = db.transactions().inTransaction(c -> new DecisionStore().save(c,
                    StoresContract.decision(r4.id(), OverallDecision.RELEASED, T0))).decisionId();
            db.transactions().run(c -> REGISTER.record(c, List.of(new DisclosureRecord(ZOE, r4.id(), d4, TRACE,
                    "AVIM-Noord", Map.of(new FieldName("sex"), FieldOutcome.DISCLOSE), T0))));
            assertThat(list(db, ZOE, 7, 100))
                    .containsExactly(disclosure(ZOE, r4.id(), d4, "sex", FieldOutcome.DISCLOSE, T0));
        }
    }

    /** A request row as the schema of version 5 holds it (the store of today writes columns added later). */
    private static long request(Connection c, String requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO requests (requester_subject, requester_client,"
                + " requester_unit, request_id, body_sha256, body, purpose, received_at, status)"
                + " VALUES ('officer-1', 'portal', 'AVIM-Noord', ?, ?, ?, 'TRACE_MISSING_RESIDENT', ?, 'DECIDED')",
                new String[] {"id"})) {
            ps.setString(1, requestId);
            ps.setString(2, "b".repeat(64));
            ps.setString(3, StoresContract.BODY);
            ps.setObject(4, Jdbc.timestamp(T0));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static UUID decision(Connection c, long requestRowId) {
        return new DecisionStore().save(c, StoresContract.decision(requestRowId, OverallDecision.RELEASED, T0))
                .decisionId();
    }

    /** A row of V1's {@code disclosures} table. */
    private static void oldRow(Connection c, long id, VNumber vNumber, long requestRowId, UUID decisionId,
                               String field, String outcome, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO disclosures (id, v_number, request_row_id,"
                + " decision_id, purpose, requester_unit, field, outcome, disclosed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, vNumber.value());
            ps.setLong(3, requestRowId);
            ps.setString(4, decisionId.toString());
            ps.setString(5, TRACE.value());
            ps.setString(6, "AVIM-Noord");
            ps.setString(7, field);
            ps.setString(8, outcome);
            ps.setObject(9, Jdbc.timestamp(at));
            ps.executeUpdate();
        }
    }

    private static List<String> storedRows(Database db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT v_number, decision_id, fields FROM disclosure_records ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }

    private static List<Disclosure> list(Database db, VNumber vNumber, int offset, int limit) {
        return db.transactions().inTransaction((Connection c) -> REGISTER.byVNumber(c, vNumber, offset, limit));
    }

    private static Disclosure disclosure(VNumber vNumber, long requestRowId, UUID decisionId, String field,
                                         FieldOutcome outcome, Instant at) {
        return new Disclosure(vNumber, requestRowId, decisionId, TRACE, "AVIM-Noord", new FieldName(field), outcome, at);
    }
}
