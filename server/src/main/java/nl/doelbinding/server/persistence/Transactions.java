package nl.doelbinding.server.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs units of work in one database transaction each: commit when the work returns, roll back when it throws.
 *
 * <p>A unit that fails transiently (serialisation failure, deadlock, lock timeout, a lost insert race; see
 * {@link TransientPersistenceException}) was rolled back as a whole and is run again, up to
 * {@code maxAttempts} times. Work must therefore be retry-safe: it may have no effects outside the given
 * connection (no messages sent, no files written) and must not keep state between attempts. Do not nest: a
 * unit that calls {@code inTransaction} again gets a second, independent transaction.
 */
public final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final DataSource dataSource;
    private final int maxAttempts;
    private final boolean checkpointAfterCommit;

    /** Transactions whose commit is durable by itself (PostgreSQL: the commit returns after its WAL is flushed). */
    public Transactions(DataSource dataSource, int maxAttempts) {
        this(dataSource, maxAttempts, false);
    }

    /**
     * @param checkpointAfterCommit run {@code CHECKPOINT} after every commit, before returning: H2 writes committed
     *                              changes to its file only in the background (up to a second later), so without
     *                              it a killed process loses transactions that were already answered
     */
    public Transactions(DataSource dataSource, int maxAttempts, boolean checkpointAfterCommit) {
        this.checkpointAfterCommit = checkpointAfterCommit;
        this.dataSource = dataSource;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
    }

    /** Runs {@code work} in a transaction and returns its result once committed (and durable). */
    public <T> T inTransaction(Function<Connection, T> work) {
        return withRetries(work, true);
    }

    /**
     * Runs {@code work}, which only reads, in a transaction (one consistent view): with nothing written there is
     * nothing to make durable, so no checkpoint follows its commit.
     */
    public <T> T reading(Function<Connection, T> work) {
        return withRetries(work, false);
    }

    /**
     * Runs {@code work} in a transaction and returns its result once committed, possibly before the commit is
     * durable: the caller must call {@link #awaitDurable()} before it acts on the result outside the database
     * (answers, sends, acknowledges). Meanwhile other transactions can run, and one {@code awaitDurable} makes
     * every commit before it durable: so a group of transactions can share one write of the database file.
     */
    public <T> T inTransactionNotYetDurable(Function<Connection, T> work) {
        return withRetries(work, false);
    }

    /**
     * Returns once every transaction committed before this call is durable: on H2 it writes the committed
     * changes to the database file ({@code CHECKPOINT}; H2 lets concurrent callers share one write); on
     * PostgreSQL a commit is durable by itself. A failure is never transient (see {@link #checkpoint}).
     */
    public void awaitDurable() {
        if (!checkpointAfterCommit) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            checkpoint(c);
        } catch (SQLException e) {
            throw Jdbc.failure("open connection for a checkpoint", e);
        }
    }

    private <T> T withRetries(Function<Connection, T> work, boolean durable) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work, durable);
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || !Jdbc.isTransient(e)) {
                    throw e;
                }
                LOG.debug("transaction attempt {} of {} failed transiently; running it again", attempt, maxAttempts);
                backOff(attempt);
            }
        }
    }

    /** Runs {@code work} in a transaction, for work without a result. */
    public void run(Consumer<Connection> work) {
        inTransaction(c -> {
            work.accept(c);
            return null;
        });
    }

    private <T> T once(Function<Connection, T> work, boolean durable) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.apply(c);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            }
            try {
                c.commit();
            } catch (SQLException e) {
                rollbackQuietly(c, e);
                throw Jdbc.failure("commit", e);
            }
            if (durable && checkpointAfterCommit) {
                checkpoint(c);
            }
            return result;
        } catch (SQLException e) {
            throw Jdbc.failure("open transaction", e);
        }
    }

    /**
     * Writes committed changes to the database file now. A failure here is not transient: the transaction is
     * committed but may not survive a crash, so the caller must not treat it as done (nor run it again).
     */
    private static void checkpoint(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            // Never transient (the cause is attached as suppressed, out of Jdbc.isTransient's sight): the work
            // is committed, so running it again is not the answer.
            PersistenceException failure = new PersistenceException(
                    "writing committed changes to the database file failed: SQLSTATE " + e.getSQLState());
            failure.addSuppressed(Jdbc.redacted(e));
            throw failure;
        }
    }

    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** A short randomised pause, so that racing transactions do not collide again in lock step. */
    private static void backOff(int attempt) {
        long millis = ThreadLocalRandom.current().nextLong(1, 10L * attempt + 1);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }
}
