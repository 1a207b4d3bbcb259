package nl.doelbinding.server.audit;

import nl.doelbinding.server.persistence.DatabaseConfig;
import nl.doelbinding.server.persistence.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The audit chain on the embedded H2 file database, in a temporary folder. */
class H2AuditChainTest extends AuditChainContract {
    @TempDir
    static Path dir;

    @Override
    DatabaseConfig config() {
        return TestDatabases.h2(dir);
    }
}
