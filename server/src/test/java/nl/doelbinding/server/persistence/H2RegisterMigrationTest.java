package nl.doelbinding.server.persistence;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Migration V6 of an existing register on the embedded H2 file database, in a temporary folder. */
class H2RegisterMigrationTest extends RegisterMigrationContract {
    @TempDir
    Path dir;

    @Override
    DatabaseConfig config() {
        return TestDatabases.h2(dir);
    }
}
