package nl.doelbinding.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * The database: a connection pool, migrated to the current schema on start.
 *
 * <p>Migrations live in {@code db/migration} on the class path and run unchanged on H2 and PostgreSQL.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Attempts per transaction: the first run and two re-runs after a transient failure. */
    private static final int TRANSACTION_ATTEMPTS = 3;

    private final DatabaseConfig config;
    private final HikariDataSource dataSource;
    private final Transactions transactions;

    private Database(DatabaseConfig config, HikariDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
        this.transactions = new Transactions(dataSource, TRANSACTION_ATTEMPTS, !config.isPostgres());
    }

    /** Opens the pool and migrates the schema; fails (and closes the pool) when either is impossible. */
    public static Database open(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("doelbinding-db");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(Math.min(2, config.poolSize()));
        hikari.setDriverClassName(config.isPostgres() ? "org.postgresql.Driver" : "org.h2.Driver");
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info("database {} ready at schema version {} ({} migrations applied)",
                    config.redactedUrl(), result.targetSchemaVersion == null ? "(unchanged)" : result.targetSchemaVersion,
                    result.migrationsExecuted);
            return new Database(config, dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    public DatabaseConfig config() {
        return config;
    }

    /** The pooled data source (for adapters that need one, such as Camel's idempotent repository). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Transactions over this database. */
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
