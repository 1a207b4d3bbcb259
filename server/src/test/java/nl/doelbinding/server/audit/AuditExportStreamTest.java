package nl.doelbinding.server.audit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import nl.doelbinding.server.persistence.Transactions;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditExportStreamTest {
    /** A page that cannot be read cuts the export off with an error: it never looks like an export that ended. */
    @Test
    void aPageThatCannotBeReadFailsTheReadInsteadOfEndingTheExport(@TempDir Path dir) {
        JdbcDataSource missing = new JdbcDataSource();
        missing.setURL("jdbc:h2:file:" + dir.resolve("none") + ";IFEXISTS=TRUE");
        AuditExportStream export = new AuditExportStream(new Transactions(missing, 1), new AuditChain(Clock.systemUTC()),
                new AuditChain.ExportSlice(null, null, 0, Long.MAX_VALUE), 10);

        assertThatThrownBy(export::read).isInstanceOf(IOException.class)
                .hasMessage("reading the audit chain for the export failed");
    }

    @Test
    void aPageSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> new AuditExportStream(null, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
