package nl.doelbinding.server.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Test databases: H2 in a temporary folder, and a PostgreSQL database of the tests' own
 * ({@value #PG_DATABASE}, created on first use) with one schema per test class, dropped and created anew.
 *
 * <p>PostgreSQL is reached at {@code -Ddoelbinding.test.pg.url} (default {@code jdbc:postgresql://127.0.0.1:5432/}),
 * user {@code -Ddoelbinding.test.pg.user} (default {@code postgres}), password {@code -Ddoelbinding.test.pg.password}.
 */
public final class TestDatabases {
    public static final String PG_DATABASE = "doelbinding_test_persistence";
    private static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private TestDatabases() {
    }

    /** {@code _} and a short hash of this checkout's folder: per-checkout names for databases and schemas. */
    public static String checkoutSuffix() {
        return "_" + Integer.toHexString(Path.of("").toAbsolutePath().toString().hashCode() & 0xffffff);
    }

    public static DatabaseConfig h2(Path dir) {
        return DatabaseConfig.embedded(dir, 8);
    }

    /**
     * A fresh, empty schema in the tests' PostgreSQL database. Its name carries a short hash of the checkout's
     * folder, so that test runs in two checkouts on one machine do not drop each other's schema.
     */
    public static DatabaseConfig postgres(String name) {
        if (!SCHEMA.matcher(name).matches()) {
            throw new IllegalArgumentException("bad schema name " + name);
        }
        String schema = name + checkoutSuffix();
        String base = System.getProperty("doelbinding.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
        String user = System.getProperty("doelbinding.test.pg.user", "postgres");
        String password = System.getProperty("doelbinding.test.pg.password", "");
        try {
            try (Connection admin = DriverManager.getConnection(base + "postgres", user, password)) {
                boolean exists;
                try (PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    ps.setString(1, PG_DATABASE);
                    try (ResultSet rs = ps.executeQuery()) {
                        exists = rs.next();
                    }
                }
                if (!exists) {
                    try (Statement st = admin.createStatement()) {
                        st.execute("CREATE DATABASE " + PG_DATABASE);
                    } catch (SQLException e) {
                        if (!"42P04".equals(e.getSQLState())) { // created meanwhile by a parallel run
                            throw e;
                        }
                    }
                }
            }
            try (Connection c = DriverManager.getConnection(base + PG_DATABASE, user, password);
                 Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                st.execute("CREATE SCHEMA " + schema);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for the integration tests is not reachable at " + base
                    + " (start it: pg_ctlcluster --skip-systemctl-redirect <version> main start)", e);
        }
        return new DatabaseConfig(base + PG_DATABASE + "?currentSchema=" + schema, user, password, 8);
    }

    /** Empties the tables of this module and resets the audit head (the residents table is left alone). */
    public static void reset(Database db) {
        db.transactions().run(c -> {
            try (Statement st = c.createStatement()) {
                for (String table : new String[] {"disclosure_records", "escalations", "decisions", "oral_orders",
                        "request_replies", "requests", "ruleset_events", "rulesets",
                        "audit_records", "processed_files", "volume_requests", "volume_subjects", "volume_coverage"}) {
                    st.executeUpdate("DELETE FROM " + table);
                }
                st.executeUpdate("UPDATE audit_head SET seq = 0, hash = '" + "0".repeat(64)
                        + "', recorded_at = NULL WHERE id = 1");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Runs SQL statements directly (to tamper with rows, as an attacker with database access would). */
    public static int execute(Database db, String sql, Object... params) {
        return db.transactions().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
