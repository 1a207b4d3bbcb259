package nl.doelbinding.server.persistence;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseConfigTest {

    @Test
    void theEmbeddedDatabaseIsAnH2FileInTheDataFolderWithLowerCaseIdentifiers() {
        DatabaseConfig config = DatabaseConfig.embedded(Path.of("/var/lib/doelbinding/data"), 4);

        assertThat(config.jdbcUrl()).isEqualTo("jdbc:h2:file:/var/lib/doelbinding/data/doelbinding"
                + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64"
                + ";AUTO_COMPACT_FILL_RATE=50;PAGE_SIZE=4096;CACHE_SIZE=2048");
        assertThat(config.isPostgres()).isFalse();
    }

    @Test
    void credentialsNeverShowInItsText() {
        DatabaseConfig config = new DatabaseConfig("jdbc:postgresql://db:5432/doelbinding?password=hunter2",
                "doelbinding", "s3cret", 10);

        assertThat(config.toString()).doesNotContain("hunter2").doesNotContain("s3cret").contains("db:5432");
        assertThat(config.isPostgres()).isTrue();
    }

    @Test
    void onlyH2AndPostgresqlAreSupported() {
        assertThatThrownBy(() -> new DatabaseConfig("jdbc:mysql://x/y", "u", "p", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseConfig("jdbc:h2:mem:x", "u", "p", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
