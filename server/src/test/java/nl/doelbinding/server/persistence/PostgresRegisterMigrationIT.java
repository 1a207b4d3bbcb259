package nl.doelbinding.server.persistence;

/** Migration V6 of an existing register on PostgreSQL (127.0.0.1:5432), in a schema of its own. */
class PostgresRegisterMigrationIT extends RegisterMigrationContract {
    @Override
    DatabaseConfig config() {
        return TestDatabases.postgres("register_migration_it");
    }
}
