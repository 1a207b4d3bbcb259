package nl.doelbinding.server.flow;

import java.nio.file.Path;
import nl.doelbinding.server.persistence.DatabaseConfig;
import nl.doelbinding.server.persistence.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

/** Group commit on the embedded H2 file database, in a temporary folder. */
class H2GroupCommitTest extends GroupCommitContract {
    @TempDir
    static Path dir;

    @Override
    DatabaseConfig config() {
        return TestDatabases.h2(dir);
    }
}
