package nl.doelbinding.server.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import nl.doelbinding.server.audit.AuditChain;
import nl.doelbinding.server.audit.AuditEventType;
import nl.doelbinding.server.audit.AuditFilter;
import nl.doelbinding.server.audit.AuditRecord;
import nl.doelbinding.server.audit.VerifyResult;
import nl.doelbinding.server.persistence.Database;
import nl.doelbinding.server.persistence.DatabaseConfig;
import nl.doelbinding.server.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Group commit on a real database: callers arriving while a transaction runs share the next one, each gets its
 * own result, a failing item fails only its caller, and the audit chain stays whole. H2
 * ({@link H2GroupCommitTest}) and PostgreSQL ({@link PostgresGroupCommitIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GroupCommitContract {
    private static final int FOLLOWERS = 20;

    Database db;
    final AuditChain chain = new AuditChain(Clock.systemUTC());
    private final Set<AuditChain.Batch> transactionsSeen = ConcurrentHashMap.newKeySet();
    private ExecutorService threads;

    abstract DatabaseConfig config();

    @BeforeAll
    void open() {
        db = Database.open(config());
    }

    @AfterAll
    void close() {
        db.close();
    }

    @BeforeEach
    void empty() {
        TestDatabases.reset(db);
        transactionsSeen.clear();
        threads = Executors.newFixedThreadPool(FOLLOWERS + 1);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Work that appends one audit record for {@code requestId} and remembers which transaction it ran in. */
    GroupCommit.Work<AuditRecord> append(String requestId) {
        return (c, records) -> {
            transactionsSeen.add(records);
            return records.append(AuditEventType.DECISION_MADE, "tester", requestId,
                    JsonNodeFactory.instance.objectNode().put("requestId", requestId));
        };
    }

    /**
     * Starts a leader whose work waits for the returned latch, then {@code followers} callers (their work
     * given by {@code work}), and returns once all followers wait for the next transaction.
     */
    CountDownLatch leaderHeldWithFollowers(GroupCommit group, List<Future<AuditRecord>> results,
                                                   java.util.function.IntFunction<GroupCommit.Work<AuditRecord>> work) {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch leaderInside = new CountDownLatch(1);
        results.add(threads.submit(() -> group.submit((c, records) -> {
            leaderInside.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> release.getCount() == 0);
            return append("POL-0").apply(c, records);
        })));
        await().atMost(Duration.ofSeconds(30)).until(() -> leaderInside.getCount() == 0);
        for (int i = 1; i <= FOLLOWERS; i++) {
            int n = i;
            results.add(threads.submit(() -> group.submit(work.apply(n))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> group.waiting() == FOLLOWERS);
        return release;
    }

    private List<AuditRecord> stored() {
        return db.transactions().inTransaction(c -> chain.query(c, AuditFilter.first(1000)));
    }

    @Test
    void callersArrivingDuringATransactionShareTheNextAndEachGetsItsOwnRecord() throws Exception {
        GroupCommit group = new GroupCommit(db.transactions(), chain, 64);
        List<Future<AuditRecord>> results = new ArrayList<>();

        leaderHeldWithFollowers(group, results, n -> append("POL-" + n)).countDown();

        List<AuditRecord> returned = new ArrayList<>();
        for (int i = 0; i <= FOLLOWERS; i++) {
            returned.add(results.get(i).get(30, TimeUnit.SECONDS));
            assertThat(returned.get(i).requestId()).isEqualTo("POL-" + i);
        }
        assertThat(transactionsSeen).as("the leader's transaction and one shared by all followers").hasSize(2);
        List<AuditRecord> stored = stored();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(returned);
        assertThat(db.transactions().inTransaction(chain::verify))
                .isEqualTo(new VerifyResult.Ok(FOLLOWERS + 1, stored.get(FOLLOWERS).hash()));
    }

    @Test
    void aTransactionHoldsAtMostMaxBatchItems() throws Exception {
        GroupCommit group = new GroupCommit(db.transactions(), chain, 8);
        List<Future<AuditRecord>> results = new ArrayList<>();

        leaderHeldWithFollowers(group, results, n -> append("POL-" + n)).countDown();

        for (Future<AuditRecord> result : results) {
            result.get(30, TimeUnit.SECONDS);
        }
        assertThat(transactionsSeen).as("1 for the leader, then 8 + 8 + 4").hasSize(4);
        assertThat(stored()).extracting(AuditRecord::seq).hasSize(FOLLOWERS + 1).doesNotHaveDuplicates();
        assertThat(db.transactions().inTransaction(chain::verify)).isInstanceOf(VerifyResult.Ok.class);
    }

    @Test
    void aFailingItemFailsOnlyItsOwnCallerAndLeavesNoRecord() throws Exception {
        GroupCommit group = new GroupCommit(db.transactions(), chain, 64);
        List<Future<AuditRecord>> results = new ArrayList<>();

        leaderHeldWithFollowers(group, results, n -> n != 7 ? append("POL-" + n) : (c, records) -> {
            append("POL-7").apply(c, records);
            throw new IllegalStateException("item 7 cannot be recorded");
        }).countDown();

        assertThatThrownBy(() -> results.get(7).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("item 7 cannot be recorded");
        for (int i = 0; i <= FOLLOWERS; i++) {
            if (i != 7) {
                assertThat(results.get(i).get(30, TimeUnit.SECONDS).requestId()).isEqualTo("POL-" + i);
            }
        }
        assertThat(stored()).extracting(AuditRecord::requestId).hasSize(FOLLOWERS).doesNotContain("POL-7");
        assertThat(db.transactions().inTransaction(chain::verify))
                .isEqualTo(new VerifyResult.Ok(FOLLOWERS, stored().get(FOLLOWERS - 1).hash()));
    }

    @Test
    void aQuietCallerRunsAtOnceInItsOwnTransaction() {
        GroupCommit group = new GroupCommit(db.transactions(), chain, 64);

        AuditRecord only = group.submit(append("POL-1"));

        assertThat(only.seq()).isEqualTo(1);
        assertThat(group.waiting()).isZero();
        assertThat(stored()).containsExactly(only);
    }
}
