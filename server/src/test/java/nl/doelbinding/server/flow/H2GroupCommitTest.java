package nl.doelbinding.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import nl.doelbinding.server.audit.AuditRecord;
import nl.doelbinding.server.persistence.DatabaseConfig;
import nl.doelbinding.server.persistence.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit on the embedded H2 file database, in a temporary folder. */
class H2GroupCommitTest extends GroupCommitContract {
    @TempDir
    static Path dir;

    @TempDir
    Path crashCopy;

    @Override
    DatabaseConfig config() {
        return TestDatabases.h2(dir);
    }

    /**
     * What a crash would leave: H2 keeps commits in memory and writes them to its file later, so a caller must
     * not return before its group's commit is in the file. The file is copied the moment the last caller has
     * returned (as {@code kill -9} would leave it) and opened as a database of its own.
     */
    @Test
    void everyCallerReturnsOnlyOnceItsRecordIsInTheDatabaseFile() throws Exception {
        GroupCommit group = new GroupCommit(db.transactions(), chain, 64);
        List<Future<AuditRecord>> results = new ArrayList<>();

        leaderHeldWithFollowers(group, results, n -> append("POL-" + n)).countDown();
        for (Future<AuditRecord> result : results) {
            result.get(30, TimeUnit.SECONDS);
        }
        Path copy = crashCopy.resolve(DatabaseConfig.EMBEDDED_NAME + ".mv.db");
        Files.copy(dir.resolve(DatabaseConfig.EMBEDDED_NAME + ".mv.db"), copy);

        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + crashCopy.resolve(DatabaseConfig.EMBEDDED_NAME)
                + DatabaseConfig.EMBEDDED_OPTIONS, "sa", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM audit_records WHERE request_id LIKE 'POL-%'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("records in the file when the callers were answered").isEqualTo(results.size());
        }
    }
}
