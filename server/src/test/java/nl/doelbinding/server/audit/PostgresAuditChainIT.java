package nl.doelbinding.server.audit;

import nl.doelbinding.server.persistence.DatabaseConfig;
import nl.doelbinding.server.persistence.TestDatabases;

/** The audit chain on PostgreSQL (127.0.0.1:5432), in a schema of its own. */
class PostgresAuditChainIT extends AuditChainContract {
    private DatabaseConfig config;

    @Override
    DatabaseConfig config() {
        if (config == null) {
            config = TestDatabases.postgres("audit_chain_it");
        }
        return config;
    }
}
