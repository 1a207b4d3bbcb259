package nl.doelbinding.server.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import nl.doelbinding.server.app.ServerConfig;
import nl.doelbinding.server.persistence.TestDatabases;

/**
 * The server end to end on the local PostgreSQL (127.0.0.1:5432, user postgres, trust auth), in a database of
 * its own that each run drops and creates anew. {@code -Ddoelbinding.test.pg.url/user/password} override the
 * connection, as for the other PostgreSQL tests.
 */
class PostgresServerIT extends ServerContract {
    static final String DATABASE = "doelbinding_it_server";

    @Override
    void useDatabase(ServerConfig config) {
        useDatabase(config, DATABASE);
    }

    /** Points the configuration at a database of this name, dropped and created anew. */
    void useDatabase(ServerConfig config, String name) {
        String database = name + TestDatabases.checkoutSuffix();
        String base = System.getProperty("doelbinding.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
        String user = System.getProperty("doelbinding.test.pg.user", "postgres");
        String password = System.getProperty("doelbinding.test.pg.password", "");
        try (Connection admin = DriverManager.getConnection(base + "postgres", user, password);
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for the integration tests is not reachable at " + base
                    + " (start it: pg_ctlcluster --skip-systemctl-redirect <version> main start)", e);
        }
        config.database.url = base + database;
        config.database.user = user;
        config.database.password = password;
    }
}
