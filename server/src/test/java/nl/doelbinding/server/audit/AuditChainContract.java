package nl.doelbinding.server.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.doelbinding.server.persistence.Database;
import nl.doelbinding.server.persistence.DatabaseConfig;
import nl.doelbinding.server.persistence.TestDatabases;
import nl.doelbinding.server.persistence.Transactions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit chain on a real database: H2 ({@link H2AuditChainTest}) and PostgreSQL ({@link PostgresAuditChainIT}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditChainContract {
    static final Instant BASE = Instant.parse("2026-11-28T15:43:00Z");

    Database db;
    Transactions tx;
    final MutableClock clock = new MutableClock(BASE);
    final AuditChain chain = new AuditChain(clock);
    final AuditExportVerifier verifier = new AuditExportVerifier();

    abstract DatabaseConfig config();

    @BeforeAll
    void open() {
        db = Database.open(config());
        tx = db.transactions();
    }

    @AfterAll
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void empty() {
        TestDatabases.reset(db);
        clock.set(BASE);
    }

    /** Appends records 1..n, record i at BASE + i seconds, with varied payloads. */
    List<AuditRecord> appendRecords(int n) {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            int seq = i;
            clock.set(BASE.plusSeconds(i));
            records.add(tx.inTransaction(c -> chain.append(c, type(seq), "officer-" + (seq % 3),
                    seq % 4 == 0 ? null : "POL-" + seq,
                    "{ \"n\": " + seq + ".0, \"note\": \"Zo\\u00eb \\u2603 \\\"quoted\\\"\\n\", \"nested\": {\"b\": [1, 2.50, null, true], \"a\": {}} }")));
        }
        return records;
    }

    static AuditEventType type(int i) {
        AuditEventType[] all = AuditEventType.values();
        return all[i % all.length];
    }

    VerifyResult verify() {
        return tx.inTransaction(c -> chain.verify(c));
    }

    // --- append -------------------------------------------------------------------------------------------

    @Test
    void theFirstRecordLinksToTheGenesisHashAndStoresItsPayloadCanonically() {
        clock.set(Instant.parse("2026-11-28T15:43:00.123456789Z"));

        AuditRecord first = tx.inTransaction(c -> chain.append(c, AuditEventType.REQUEST_RECEIVED, "officer-17",
                "POL-2026-000123", "{ \"purpose\": \"TRACE_MISSING_RESIDENT\", \"client\": \"police-portal\" }"));

        // The same vector as AuditCanonicalFormTest, computed independently with sha256sum.
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.recordedAt()).isEqualTo(Instant.parse("2026-11-28T15:43:00.123Z"));
        assertThat(first.prevHash()).isEqualTo(AuditCanonicalForm.GENESIS_HASH);
        assertThat(first.payload()).isEqualTo("{\"client\":\"police-portal\",\"purpose\":\"TRACE_MISSING_RESIDENT\"}");
        assertThat(first.hash()).isEqualTo("538520e74ec96deaa62b1f21fd8d9bed84da6b7e1b26783f4dd916106b3f21b0");
    }

    @Test
    void storedRecordsReadBackExactlyAsAppended() {
        clock.set(Instant.parse("2026-11-28T23:59:59.999999Z"));
        AuditRecord a = tx.inTransaction(c -> chain.append(c, AuditEventType.RULESET_UPLOADED, "alice", null,
                "{\"version\":1}"));
        clock.set(Instant.parse("2026-11-29T00:00:00Z"));
        AuditRecord b = tx.inTransaction(c -> chain.append(c, AuditEventType.RULESET_APPROVED, "bob", null,
                "{\"version\":1}"));

        assertThat(tx.inTransaction((Connection c) -> chain.query(c, AuditFilter.first(10)))).containsExactly(a, b);
        assertThat(a.exportLine()).contains("\"recordedAt\":\"2026-11-28T23:59:59.999Z\"");
        assertThat(b.exportLine()).contains("\"recordedAt\":\"2026-11-29T00:00:00.000Z\"");
        assertThat(b.prevHash()).isEqualTo(a.hash());
        assertThat(b.computeHash()).isEqualTo(b.hash());
    }

    @Test
    void timeNeverRunsBackwardsAlongTheChain() {
        clock.set(BASE.plusSeconds(10));
        AuditRecord first = tx.inTransaction(c -> chain.append(c, AuditEventType.DECISION_MADE, "x", null, "{}"));
        clock.set(BASE); // the clock was stepped back (NTP, or another node's clock lags)
        AuditRecord second = tx.inTransaction(c -> chain.append(c, AuditEventType.DECISION_MADE, "x", null, "{}"));

        assertThat(second.recordedAt()).isEqualTo(first.recordedAt());
        assertThat(verify()).isInstanceOf(VerifyResult.Ok.class);
    }

    @Test
    void anAppendRefusesAPayloadThatIsNotAJsonObjectAndABlankActor() {
        assertThatThrownBy(() -> tx.inTransaction(c -> chain.append(c, AuditEventType.DECISION_MADE, "x", null, "[]")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tx.inTransaction(c -> chain.append(c, AuditEventType.DECISION_MADE, "x", null, "{")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tx.inTransaction(c -> chain.append(c, AuditEventType.DECISION_MADE, " ", null, "{}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(verify()).isEqualTo(new VerifyResult.Ok(0, AuditCanonicalForm.GENESIS_HASH));
    }

    @Test
    void aBatchChainsItsRecordsUnderOneLockAndWritesTheHeadOnce() {
        AuditRecord before = tx.inTransaction(c -> chain.append(c, AuditEventType.DECISION_MADE, "x", "POL-0", "{}"));

        List<AuditRecord> batch = tx.inTransaction(c -> {
            try (AuditChain.Batch records = chain.batch(c)) {
                List<AuditRecord> appended = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    clock.set(BASE.plusSeconds(i));
                    appended.add(records.append(AuditEventType.DECISION_MADE, "officer-" + i, "POL-" + i,
                            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("n", i)));
                }
                assertThat(records.appended()).isEqualTo(3);
                return appended;
            }
        });

        assertThat(batch).extracting(AuditRecord::seq).containsExactly(2L, 3L, 4L);
        assertThat(batch.get(0).prevHash()).isEqualTo(before.hash());
        assertThat(batch.get(1).prevHash()).isEqualTo(batch.get(0).hash());
        assertThat(batch.get(2).prevHash()).isEqualTo(batch.get(1).hash());
        assertThat(batch).allSatisfy(r -> assertThat(r.computeHash()).isEqualTo(r.hash()));
        assertThat(verify()).isEqualTo(new VerifyResult.Ok(4, batch.get(2).hash()));
    }

    @Test
    void anEmptyBatchLeavesTheHeadAsItWas() {
        AuditRecord first = tx.inTransaction(c -> chain.append(c, AuditEventType.DECISION_MADE, "x", null, "{}"));

        tx.run(c -> chain.batch(c).close());
        AuditRecord second = tx.inTransaction(c -> chain.append(c, AuditEventType.DECISION_MADE, "x", null, "{}"));

        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(verify()).isEqualTo(new VerifyResult.Ok(2, second.hash()));
    }

    // --- verify -------------------------------------------------------------------------------------------

    @Test
    void anIntactChainVerifiesUpToItsHead() {
        List<AuditRecord> records = appendRecords(10);

        assertThat(verify()).isEqualTo(new VerifyResult.Ok(10, records.get(9).hash()));
    }

    Stream<Arguments> tamperings() {
        String otherHash = "ab".repeat(32);
        return Stream.of(
                Arguments.of("payload changed", "UPDATE audit_records SET payload = '{\"n\":5}' WHERE seq = 4",
                        new Object[0], 4L, BreakReason.HASH_MISMATCH),
                Arguments.of("payload reformatted", "UPDATE audit_records SET payload = REPLACE(payload, ',', ', ')"
                        + " WHERE seq = 4", new Object[0], 4L, BreakReason.HASH_MISMATCH),
                Arguments.of("hash changed", "UPDATE audit_records SET hash = ? WHERE seq = 4",
                        new Object[] {otherHash}, 4L, BreakReason.HASH_MISMATCH),
                Arguments.of("prev hash changed", "UPDATE audit_records SET prev_hash = ? WHERE seq = 4",
                        new Object[] {otherHash}, 4L, BreakReason.PREV_HASH_MISMATCH),
                Arguments.of("actor changed", "UPDATE audit_records SET actor = 'mallory' WHERE seq = 4",
                        new Object[0], 4L, BreakReason.HASH_MISMATCH),
                Arguments.of("type changed", "UPDATE audit_records SET type = 'RULESET_RETIRED' WHERE seq = 4",
                        new Object[0], 4L, BreakReason.HASH_MISMATCH),
                Arguments.of("request id set", "UPDATE audit_records SET request_id = 'POL-X' WHERE seq = 4",
                        new Object[0], 4L, BreakReason.HASH_MISMATCH),
                Arguments.of("time moved 1 ms", "UPDATE audit_records SET recorded_at = ? WHERE seq = 4",
                        new Object[] {BASE.plusSeconds(4).plusMillis(1).atOffset(ZoneOffset.UTC)}, 4L,
                        BreakReason.HASH_MISMATCH),
                Arguments.of("time moved 1 µs", "UPDATE audit_records SET recorded_at = ? WHERE seq = 4",
                        new Object[] {BASE.plusSeconds(4).plusNanos(1000).atOffset(ZoneOffset.UTC)}, 4L,
                        BreakReason.HASH_MISMATCH),
                Arguments.of("record deleted", "DELETE FROM audit_records WHERE seq = 4",
                        new Object[0], 4L, BreakReason.GAP),
                Arguments.of("last record deleted", "DELETE FROM audit_records WHERE seq = 10",
                        new Object[0], 10L, BreakReason.GAP),
                Arguments.of("head changed", "UPDATE audit_head SET hash = ? WHERE id = 1",
                        new Object[] {otherHash}, 10L, BreakReason.HEAD_MISMATCH));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void aTamperedRowIsReportedAtItsSeq(String name, String sql, Object[] params, long seq, BreakReason reason) {
        appendRecords(10);
        assertThat(verify()).isInstanceOf(VerifyResult.Ok.class);

        assertThat(TestDatabases.execute(db, sql, params)).isEqualTo(1);

        assertThat(verify()).isInstanceOf(VerifyResult.Broken.class)
                .satisfies(v -> {
                    VerifyResult.Broken broken = (VerifyResult.Broken) v;
                    assertThat(broken.seq()).as("seq").isEqualTo(seq);
                    assertThat(broken.reason()).as("reason").isEqualTo(reason);
                });
    }

    // --- concurrency --------------------------------------------------------------------------------------

    @Test
    void concurrentAppendsFromTwoNodesAndEightThreadsLeaveOneUnbrokenChain() throws Exception {
        int threads = 8;
        int perThread = 200;
        AuditChain realTime = new AuditChain(Clock.systemUTC());
        try (Database otherNode = Database.open(db.config())) {
            Database[] nodes = {db, otherNode};
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    Transactions nodeTx = nodes[t % 2].transactions();
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < perThread; i++) {
                            int n = i;
                            nodeTx.inTransaction(c -> realTime.append(c, AuditEventType.DECISION_MADE,
                                    "thread-" + thread, "REQ-" + thread + "-" + n, "{\"i\":" + n + "}"));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : done) {
                    f.get(5, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        List<AuditRecord> all = new ArrayList<>();
        long after = 0;
        while (true) {
            long cursor = after;
            List<AuditRecord> page = tx.inTransaction(c -> chain.query(c, AuditFilter.first(1000).afterSeq(cursor)));
            if (page.isEmpty()) {
                break;
            }
            all.addAll(page);
            after = page.get(page.size() - 1).seq();
        }
        assertThat(verify()).isEqualTo(new VerifyResult.Ok(threads * perThread, all.get(all.size() - 1).hash()));
        assertThat(all).extracting(AuditRecord::seq)
                .containsExactlyElementsOf(Stream.iterate(1L, s -> s + 1).limit((long) threads * perThread).toList());
        Map<String, List<String>> byThread = all.stream().collect(Collectors.groupingBy(AuditRecord::actor,
                Collectors.mapping(AuditRecord::payload, Collectors.toList())));
        assertThat(byThread).hasSize(threads);
        for (List<String> payloads : byThread.values()) {
            // Each thread's records are all there, once, in the order it appended them.
            assertThat(payloads).containsExactlyElementsOf(
                    Stream.iterate(0, i -> i + 1).limit(perThread).map(i -> "{\"i\":" + i + "}").toList());
        }
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).recordedAt()).isAfterOrEqualTo(all.get(i - 1).recordedAt());
        }
    }

    // --- query --------------------------------------------------------------------------------------------

    @Test
    void queriesFilterByTimeTypeActorAndRequestIdAndPageBySeq() {
        List<AuditRecord> records = appendRecords(12);

        assertThat(query(AuditFilter.first(100).from(BASE.plusSeconds(3)).to(BASE.plusSeconds(6))))
                .containsExactlyElementsOf(records.subList(2, 5));
        assertThat(query(AuditFilter.first(100).type(type(5)))).extracting(AuditRecord::seq).contains(5L)
                .allSatisfy(seq -> assertThat(type(seq.intValue())).isEqualTo(type(5)));
        assertThat(query(AuditFilter.first(100).actor("officer-1"))).extracting(AuditRecord::seq)
                .containsExactly(1L, 4L, 7L, 10L);
        assertThat(query(AuditFilter.first(100).requestId("POL-7"))).containsExactly(records.get(6));
        assertThat(query(AuditFilter.first(100).requestId("POL-8"))).isEmpty();
        assertThat(query(AuditFilter.first(5).afterSeq(5))).extracting(AuditRecord::seq)
                .containsExactly(6L, 7L, 8L, 9L, 10L);
        assertThat(query(AuditFilter.first(5).afterSeq(5).actor("officer-0"))).extracting(AuditRecord::seq)
                .containsExactly(6L, 9L, 12L);
    }

    List<AuditRecord> query(AuditFilter filter) {
        return tx.inTransaction(c -> chain.query(c, filter));
    }

    // --- export -------------------------------------------------------------------------------------------

    byte[] export(Instant from, Instant to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = tx.inTransaction(c -> chain.export(c, new AuditChain.ExportSlice(from, to, 0, Long.MAX_VALUE),
                Integer.MAX_VALUE, out)).records();
        byte[] bytes = out.toByteArray();
        assertThat(new String(bytes, StandardCharsets.UTF_8).lines().count()).isEqualTo(written);
        return bytes;
    }

    ExportVerification verifyOffline(byte[] export) throws IOException {
        return verifier.verify(new ByteArrayInputStream(export));
    }

    @Test
    void anExportVerifiesOfflineWithTheSameHeadAsTheDatabase() throws IOException {
        List<AuditRecord> records = appendRecords(5);

        byte[] export = export(null, null);

        String[] lines = new String(export, StandardCharsets.UTF_8).split("\n");
        assertThat(lines).containsExactlyElementsOf(records.stream().map(AuditRecord::exportLine).toList());
        assertThat(lines[0]).startsWith("{\"seq\":1,\"recordedAt\":\"2026-11-28T15:43:01.000Z\",\"type\":");
        assertThat(lines[0]).contains("\"payload\":{\"n\":1,\"nested\":{\"a\":{},\"b\":[1,2.5,null,true]},"
                + "\"note\":\"Zoë ☃ \\\"quoted\\\"\\n\"}");
        VerifyResult.Ok live = (VerifyResult.Ok) verify();
        assertThat(verifyOffline(export)).isEqualTo(new ExportVerification.Ok(5, 1, 5, live.headHash(), true));
    }

    @Test
    void oneChangedByteAnywhereInALineIsReportedAtThatLine() throws IOException {
        appendRecords(5);
        byte[] export = export(null, null);
        int start = lineStart(export, 3);
        int end = lineStart(export, 4); // includes line 3's line feed

        for (int i = start; i < end; i++) {
            byte[] tampered = export.clone();
            tampered[i] = (byte) (tampered[i] == 'x' ? 'y' : 'x');

            ExportVerification result = verifyOffline(tampered);

            int offset = i - start;
            assertThat(result).as("byte %d of line 3", offset).isInstanceOf(ExportVerification.Broken.class);
            assertThat(((ExportVerification.Broken) result).line()).as("byte %d of line 3", offset).isEqualTo(3);
        }
    }

    @Test
    void aRemovedLineIsAGapAtThatLine() throws IOException {
        appendRecords(5);
        byte[] export = export(null, null);
        byte[] without3 = concat(Arrays.copyOfRange(export, 0, lineStart(export, 3)),
                Arrays.copyOfRange(export, lineStart(export, 4), export.length));

        assertThat(verifyOffline(without3)).isEqualTo(new ExportVerification.Broken(3, 4, BreakReason.GAP,
                "expected seq 3"));
    }

    @Test
    void aTimeRangeExportVerifiesFromItsFirstRecordsPrevHash() throws IOException {
        List<AuditRecord> records = appendRecords(6);

        byte[] export = export(BASE.plusSeconds(3), BASE.plusSeconds(6));

        assertThat(verifyOffline(export)).isEqualTo(new ExportVerification.Ok(3, 3, 5, records.get(4).hash(), false));
    }

    @Test
    void anExportReadPageByPageIsTheWholeExportUpToItsBound() throws IOException {
        List<AuditRecord> records = appendRecords(6);
        byte[] whole = export(null, null);

        // records 1..5 (the slice ends before record 6) in pages of 2: two full pages and one short one
        byte[] toFive = AuditExportStream.open(tx, chain, new AuditChain.ExportSlice(null, null, 0,
                records.get(5).seq()), 2).readAllBytes();
        // all six in pages of 3: the last page read is empty
        byte[] all = AuditExportStream.open(tx, chain, new AuditChain.ExportSlice(null, null, 0, Long.MAX_VALUE), 3)
                .readAllBytes();
        // a time range, a record a page
        byte[] range = AuditExportStream.open(tx, chain, new AuditChain.ExportSlice(BASE.plusSeconds(3),
                BASE.plusSeconds(6), 0, Long.MAX_VALUE), 1).readAllBytes();

        assertThat(new String(toFive, StandardCharsets.UTF_8))
                .isEqualTo(new String(Arrays.copyOfRange(whole, 0, lineStart(whole, 6)), StandardCharsets.UTF_8));
        assertThat(all).isEqualTo(whole);
        assertThat(range).isEqualTo(export(BASE.plusSeconds(3), BASE.plusSeconds(6)));
        assertThat(verifyOffline(toFive)).isEqualTo(new ExportVerification.Ok(5, 1, 5, records.get(4).hash(), true));
    }

    /** Served pages stay served; a page that cannot be read after them cuts the export off with an error. */
    @Test
    void aPageThatCannotBeReadAfterTheFirstFailsTheReadInsteadOfEndingTheExport() throws IOException {
        appendRecords(5);
        byte[] whole = export(null, null);
        AuditExportStream export = AuditExportStream.open(new Transactions(connectionsUntil(1, db.dataSource()), 1),
                chain, new AuditChain.ExportSlice(null, null, 0, Long.MAX_VALUE), 2);

        assertThat(export.readNBytes(lineStart(whole, 3))).isEqualTo(Arrays.copyOfRange(whole, 0, lineStart(whole, 3)));
        assertThatThrownBy(export::read).isInstanceOf(IOException.class)
                .hasMessage("reading the audit chain for the export failed");
    }

    /** A data source that gives {@code allowed} connections and then fails, as a database that went away. */
    static DataSource connectionsUntil(int allowed, DataSource real) {
        int[] given = {0};
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && given[0]++ >= allowed) {
                        throw new SQLException("the database went away");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void anExportOfATamperedChainFailsOfflineToo() throws IOException {
        appendRecords(5);
        TestDatabases.execute(db, "UPDATE audit_records SET actor = 'mallory' WHERE seq = 2");

        assertThat(verifyOffline(export(null, null))).isInstanceOf(ExportVerification.Broken.class)
                .extracting(v -> ((ExportVerification.Broken) v).line()).isEqualTo(2L);
    }

    /** Offset of the first byte of 1-based line {@code line}. */
    static int lineStart(byte[] bytes, int line) {
        int seen = 1;
        for (int i = 0; i < bytes.length && seen < line; i++) {
            if (bytes[i] == '\n') {
                seen++;
                if (seen == line) {
                    return i + 1;
                }
            }
        }
        if (line == 1) {
            return 0;
        }
        throw new IllegalArgumentException("no line " + line);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
