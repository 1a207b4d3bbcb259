package nl.doelbinding.server.flow;

import java.sql.Connection;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import nl.doelbinding.server.audit.AuditChain;
import nl.doelbinding.server.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: work submitted by concurrent threads while a transaction is running is done together in the
 * next one, with one lock of the audit head, one head write and one commit for all of it.
 *
 * <p>Leader and followers: a thread that finds no transaction running runs its own work at once (no waiting
 * when the server is quiet); threads that arrive meanwhile queue up, and when the running transaction has
 * committed, the first of them runs the queued work (at most {@code maxBatch} items) in one transaction for
 * all. Every caller returns only after the transaction holding its work has committed and is durable
 * ({@link Transactions#awaitDurable()}), with its own result. When enough callers wait ({@link #OVERLAP_AT}),
 * leadership passes on at the commit, so the next transaction runs while the previous one is being made durable
 * (on H2: written to the database file); when fewer wait, they gather until the write is done and then share
 * one transaction, instead of each paying for a transaction and a write of its own.
 *
 * <p>Failures stay with their owner: when a shared transaction fails, nothing of it is committed and each of
 * its items is run again alone, so one bad item fails only its own caller. Work must therefore be
 * retry-safe, as for {@link Transactions}. The audit head is locked before any work runs, so shared
 * transactions on several nodes queue up on the head instead of deadlocking on each other's rows.
 */
final class GroupCommit {
    /** Default largest number of items in one transaction. */
    static final int DEFAULT_MAX_BATCH = 64;
    /**
     * How many waiting callers make it worth starting the next transaction while the previous one is still being
     * made durable (measured: docs/performance.md). Fewer wait for the write and then share one transaction.
     */
    static final int OVERLAP_AT = 3;

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    /** Work done in a transaction, with the transaction's open audit batch for its records. */
    @FunctionalInterface
    interface Work<R> {
        R apply(Connection c, AuditChain.Batch audit);
    }

    private final Transactions transactions;
    private final AuditChain audit;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Pending<?>> queue = new ArrayDeque<>();
    private boolean leading;
    /** The leader whose transaction has committed and is being made durable while it still leads, if any. */
    private Pending<?> durableWaiter;

    GroupCommit(Transactions transactions, AuditChain audit, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1");
        }
        this.transactions = transactions;
        this.audit = audit;
        this.maxBatch = maxBatch;
    }

    /** Does {@code work} in a transaction, possibly shared with other callers', and returns once durable. */
    <R> R submit(Work<R> work) {
        Pending<R> mine = new Pending<>(work, lock.newCondition());
        List<Pending<?>> batch = new ArrayList<>();
        lock.lock();
        try {
            queue.add(mine);
            if (!leading) {
                leading = true; // the queue was empty: this thread leads at once
                mine.promoted = true;
            } else if (durableWaiter != null && queue.size() >= OVERLAP_AT) {
                durableWaiter = null; // enough work waits: start it while the leader's commit is made durable
                promoteHead();
            }
            while (!mine.done && !mine.promoted) {
                mine.wake.awaitUninterruptibly();
            }
            if (mine.done) {
                return mine.result();
            }
            // Promoted threads are always at the head of the queue, so this batch holds this thread's work.
            while (!queue.isEmpty() && batch.size() < maxBatch) {
                batch.add(queue.poll());
            }
        } finally {
            lock.unlock();
        }
        try {
            run(batch);
        } finally {
            committed(mine);
        }
        try {
            transactions.awaitDurable();
        } catch (RuntimeException | Error e) {
            batch.forEach(p -> p.notDurable(e));
        } finally {
            finish(batch, mine);
        }
        return mine.result();
    }

    /** How many callers are waiting for the next transaction. */
    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private void run(List<Pending<?>> batch) {
        if (batch.size() > 1) {
            try {
                transactions.inTransactionNotYetDurable(c -> {
                    try (AuditChain.Batch records = audit.batch(c)) {
                        batch.forEach(p -> p.attempt(c, records));
                    }
                    return null;
                });
                batch.forEach(Pending::committed);
                return;
            } catch (RuntimeException | Error e) {
                // Counts only: the failure's message may come from any item's work.
                LOG.info("a shared transaction of {} items failed ({}); each runs again alone", batch.size(),
                        e.getClass().getSimpleName());
            }
        }
        batch.forEach(p -> p.alone(transactions, audit));
    }

    /**
     * The leader's transaction has committed. When at least {@code OVERLAP_AT} callers wait, the first of them
     * leads the next transaction while this one is made durable. Otherwise this thread stays the leader until its
     * transaction is durable, so that callers arriving meanwhile gather into one next transaction, unless
     * {@code OVERLAP_AT} of them gather before that (see {@link #submit}).
     */
    private void committed(Pending<?> leader) {
        lock.lock();
        try {
            if (queue.size() >= OVERLAP_AT) {
                promoteHead();
            } else {
                durableWaiter = leader;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Wakes the batch's callers (their transaction is durable, or has failed) and, if still leading, hands over. */
    private void finish(List<Pending<?>> batch, Pending<?> mine) {
        lock.lock();
        try {
            for (Pending<?> p : batch) {
                p.done = true;
                if (p != mine) {
                    p.wake.signal();
                }
            }
            if (durableWaiter == mine) {
                durableWaiter = null;
                if (queue.isEmpty()) {
                    leading = false;
                } else {
                    promoteHead();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Makes the first queued caller the leader. Guarded by the lock; the queue is not empty. */
    private void promoteHead() {
        Pending<?> next = queue.peek();
        next.promoted = true;
        next.wake.signal();
    }

    /** One caller's work and, once done, its result or failure. Guarded by the group's lock where shared. */
    private static final class Pending<R> {
        private final Work<R> work;
        private final Condition wake;
        private boolean promoted;
        private boolean done;
        private R attempted;
        private R result;
        private Throwable failure;

        Pending(Work<R> work, Condition wake) {
            this.work = work;
            this.wake = wake;
        }

        /** Runs in a shared transaction, which may still roll back or be retried. */
        void attempt(Connection c, AuditChain.Batch records) {
            attempted = work.apply(c, records);
        }

        void committed() {
            result = attempted;
        }

        void alone(Transactions transactions, AuditChain audit) {
            try {
                result = transactions.inTransactionNotYetDurable(c -> {
                    try (AuditChain.Batch records = audit.batch(c)) {
                        return work.apply(c, records);
                    }
                });
            } catch (RuntimeException | Error e) {
                failure = e;
            }
        }

        /** The transaction committed but could not be made durable: the caller must not treat it as done. */
        void notDurable(Throwable cause) {
            if (failure == null) {
                failure = cause;
            }
        }

        R result() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
