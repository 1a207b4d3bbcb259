package nl.doelbinding.server.persistence;

/** The stores on PostgreSQL (127.0.0.1:5432), in a schema of their own. */
class PostgresStoresIT extends StoresContract {
    private DatabaseConfig config;

    @Override
    DatabaseConfig config() {
        if (config == null) {
            config = TestDatabases.postgres("stores_it");
        }
        return config;
    }
}
