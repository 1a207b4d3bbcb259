package nl.doelbinding.server.flow;

import nl.doelbinding.server.persistence.DatabaseConfig;
import nl.doelbinding.server.persistence.TestDatabases;

/** Group commit on PostgreSQL (127.0.0.1:5432), in a schema of its own. */
class PostgresGroupCommitIT extends GroupCommitContract {
    @Override
    DatabaseConfig config() {
        return TestDatabases.postgres("group_commit_it");
    }
}
