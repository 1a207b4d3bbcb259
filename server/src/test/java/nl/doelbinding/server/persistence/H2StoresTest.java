package nl.doelbinding.server.persistence;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The stores on the embedded H2 file database, in a temporary folder. */
class H2StoresTest extends StoresContract {
    @TempDir
    static Path dir;

    @Override
    DatabaseConfig config() {
        return TestDatabases.h2(dir);
    }
}
