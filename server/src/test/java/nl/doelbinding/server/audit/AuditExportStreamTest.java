package nl.doelbinding.server.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import nl.doelbinding.server.persistence.PersistenceException;
import nl.doelbinding.server.persistence.Transactions;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditExportStreamTest {
    /** The first page is read before anything is sent: a database that cannot be read then fails the opening. */
    @Test
    void aFirstPageThatCannotBeReadFailsTheOpening(@TempDir Path dir) {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:file:" + dir.resolve("none") + ";IFEXISTS=TRUE");

        assertThatThrownBy(() -> AuditExportStream.open(new Transactions(missing, 1), new AuditChain(Clock.systemUTC()),
                new AuditChain.ExportSlice(null, null, 0, Long.MAX_VALUE), 10))
                .isInstanceOf(PersistenceException.class);
    }

    @Test
    void aPageSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> AuditExportStream.open(null, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
