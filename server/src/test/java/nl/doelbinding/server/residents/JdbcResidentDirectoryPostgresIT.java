package nl.doelbinding.server.residents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The register contract on the local PostgreSQL (failsafe, {@code mvn verify}): database
 * {@value #DATABASE}, created when missing, and a schema of its own per test, dropped afterwards.
 * Server: {@code -Ddoelbinding.test.postgres.url=jdbc:postgresql://HOST:PORT/} (default 127.0.0.1:5432),
 * user {@code postgres} with trust authentication. A server that cannot be reached fails the build:
 * start it with {@code pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start}.
 */
class JdbcResidentDirectoryPostgresIT extends ResidentRegisterContract {
    static final String DATABASE = "doelbinding_test_residents";
    private static final String SERVER = System.getProperty("doelbinding.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("doelbinding.test.postgres.user", "postgres");
    private static final String DUPLICATE_DATABASE = "42P04";

    private String schema;

    @BeforeAll
    static void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = dataSource("postgres", null).getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            } catch (SQLException e) {
                if (!DUPLICATE_DATABASE.equals(e.getSQLState())) { // another build created it meanwhile
                    throw e;
                }
            }
        }
    }

    @Override
    DataSource freshDatabase() throws SQLException {
        schema = "register_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        RegisterMigration.execute(dataSource(DATABASE, null), "CREATE SCHEMA " + schema);
        return dataSource(DATABASE, schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        RegisterMigration.execute(dataSource(DATABASE, null), "DROP SCHEMA " + schema + " CASCADE");
    }

    private static DataSource dataSource(String database, String currentSchema) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(SERVER + database);
        dataSource.setUser(USER);
        if (currentSchema != null) {
            dataSource.setCurrentSchema(currentSchema);
        }
        return dataSource;
    }
}
