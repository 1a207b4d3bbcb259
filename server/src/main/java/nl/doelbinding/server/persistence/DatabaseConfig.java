package nl.doelbinding.server.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach the database.
 *
 * @param jdbcUrl  JDBC URL: {@code jdbc:h2:file:...} (embedded default) or {@code jdbc:postgresql://...}
 * @param user     database user
 * @param password database password; never printed by {@link #toString()}
 * @param poolSize maximum number of pooled connections
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, int poolSize) {
    /** File name (without {@code .mv.db}) of the embedded database inside the data folder. */
    public static final String EMBEDDED_NAME = "doelbinding";

    /**
     * H2 options of the embedded database. DATABASE_TO_LOWER folds unquoted identifiers to lower case, as
     * PostgreSQL does, so SQL and metadata look the same on both. DB_CLOSE_ON_EXIT=FALSE leaves closing to the
     * pool (H2's own shutdown hook could close the database under a transaction that is still committing).
     * LOCK_TIMEOUT bounds the wait for a locked row (such as the audit head) before the transaction is retried.
     * QUERY_CACHE_SIZE: H2 keeps 8 parsed statements per session by default; one decision runs more distinct
     * statements than that, so every prepareStatement parsed its SQL again (12% of a decision's CPU under load).
     * AUTO_COMPACT_FILL_RATE=50: H2 rewrites live pages out of chunks in the background while less than this
     * share of its file is live (default 90). Under load the file is mostly chunks kept for RETENTION_TIME, so
     * at 90 it compacted without end, and did not keep the file any smaller: +20% decisions/s at 50, with the
     * same file size (docs/performance.md, ADR 0012). Below half live it still compacts.
     * PAGE_SIZE=4096: H2 splits a page once its in-memory estimate passes this (default 16384). Every checkpoint
     * writes each touched page whole, and the indexes on scattered keys (the idempotency key, the audit records'
     * requestId, the register's V-number) touch a leaf of their own per decision: with smaller leaves a decision
     * wrote a quarter fewer bytes to disk (16-18.5 kB against 21-22 kB; docs/performance.md).
     * CACHE_SIZE=2048: H2's page cache in kB (default 16384). Under load the indexes on scattered keys keep
     * reading pages back into the cache, so most of what it holds is younger than a second: every young
     * garbage collection copied it (the bulk of 20 MB of survivors), and the pauses of 30-45 ms set the p99.
     * With 2 MB the pauses were 8-18 ms and the closed-loop p99 20-23 ms, at no measurable cost in CPU per decision
     * (ADR 0012, docs/performance.md).
     */
    public static final String EMBEDDED_OPTIONS = ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000"
            + ";QUERY_CACHE_SIZE=64;AUTO_COMPACT_FILL_RATE=50;PAGE_SIZE=4096;CACHE_SIZE=2048";

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("unsupported JDBC URL (H2 or PostgreSQL only): " + redact(jdbcUrl));
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        }
    }

    /** The embedded H2 file database {@code <dataDir>/doelbinding.mv.db}. */
    public static DatabaseConfig embedded(Path dataDir, int poolSize) {
        Path file = dataDir.toAbsolutePath().normalize().resolve(EMBEDDED_NAME);
        return new DatabaseConfig("jdbc:h2:file:" + file + EMBEDDED_OPTIONS, "sa", "", poolSize);
    }

    /** True for PostgreSQL, false for H2. */
    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The URL without query parameters, which may hold credentials: safe to log. */
    public String redactedUrl() {
        return redact(jdbcUrl);
    }

    private static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + redactedUrl() + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
