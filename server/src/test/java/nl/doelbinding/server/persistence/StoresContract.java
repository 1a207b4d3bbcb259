package nl.doelbinding.server.persistence;

import nl.doelbinding.engine.io.CanonicalJson;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.model.RequestHistory;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.model.VNumber;
import nl.doelbinding.server.audit.AuditChain;
import nl.doelbinding.server.audit.AuditEventType;
import nl.doelbinding.server.audit.AuditFilter;
import nl.doelbinding.server.audit.AuditCanonicalForm;
import nl.doelbinding.server.audit.VerifyResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema and the stores, run against H2 ({@link H2StoresTest}) and PostgreSQL ({@link PostgresStoresIT}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoresContract {
    static final Instant T0 = Instant.parse("2026-11-28T10:00:00.123456789Z");
    static final String BODY = """
            {"requestId":"POL-1","purpose":"TRACE_MISSING_RESIDENT","subjects":[{"vNumber":"1000000001"}],
             "fields":["name","health"],"justification":"Zoë left on 2026-11-02"}""";
    static final String SAME_BODY_REFORMATTED = """
            {
              "fields" : [ "name", "health" ],
              "justification" : "Zo\\u00eb left on 2026-11-02",
              "subjects" : [ { "vNumber" : "1000000001" } ],
              "purpose" : "TRACE_MISSING_RESIDENT",
              "requestId" : "POL-1"
            }""";
    static final String OTHER_BODY = BODY.replace("\"health\"", "\"religion\"");
    static final String SHA = "a".repeat(64);

    Database db;
    Transactions tx;
    final RequestStore requests = new RequestStore();
    final DecisionStore decisions = new DecisionStore();
    final EscalationStore escalations = new EscalationStore();
    final RulesetStore rulesets = new RulesetStore();
    final DisclosureRegister register = new DisclosureRegister();
    final ProcessedFileStore processed = new ProcessedFileStore();
    final ReplyAddressStore replies = new ReplyAddressStore();
    final OralOrderStore oralOrders = new OralOrderStore();
    final AuditChain audit = new AuditChain(Clock.fixed(T0, ZoneOffset.UTC));

    /** A configuration whose database is fresh for this test class. */
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
    }

    static NewRequest request(String client, String subject, String requestId, String body) {
        return new NewRequest(subject, client, "AVIM-Noord", requestId, body, CanonicalJson.sha256(body),
                Optional.of(new PurposeCode("TRACE_MISSING_RESIDENT")), T0, new RequestHistory(3, 7));
    }

    StoredRequest stored(String requestId) {
        return tx.inTransaction(c -> requests.saveReceived(c, request("portal", "officer-1", requestId, BODY)))
                .request();
    }

    static NewDecision decision(long requestRowId, OverallDecision overall, Instant at) {
        return new NewDecision(UUID.randomUUID(), requestRowId, overall, new RulesetRef(OptionalInt.of(3), SHA),
                "{\"decision\":\"" + overall + "\"}", at);
    }

    // --- schema -------------------------------------------------------------------------------------------

    @Test
    void migrationCreatesEveryTableWithLowerCaseNames() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        assertThat(tables).contains("requests", "decisions", "escalations", "rulesets", "disclosure_records",
                "audit_records", "audit_head", "processed_files", "oral_orders", "flyway_schema_history");
    }

    /** Every index is written with every row of its table: two indexes on the same columns cost twice. */
    @Test
    void noTableHasTwoIndexesOnTheSameColumns() throws SQLException {
        Map<String, List<String>> duplicates = new LinkedHashMap<>();
        try (Connection c = db.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("requests", "decisions", "disclosure_records", "audit_records");
            for (String table : tables) {
                Map<String, List<String>> columnsByIndex = new LinkedHashMap<>();
                try (ResultSet rs = meta.getIndexInfo(null, c.getSchema(), table, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("COLUMN_NAME") != null) {
                            columnsByIndex.computeIfAbsent(rs.getString("INDEX_NAME"), k -> new ArrayList<>())
                                    .add(rs.getShort("ORDINAL_POSITION") + ":" + rs.getString("COLUMN_NAME"));
                        }
                    }
                }
                Map<List<String>, List<String>> indexesByColumns = new LinkedHashMap<>();
                columnsByIndex.forEach((index, columns) -> indexesByColumns
                        .computeIfAbsent(columns.stream().sorted().toList(), k -> new ArrayList<>()).add(index));
                indexesByColumns.forEach((columns, indexes) -> {
                    if (indexes.size() > 1) {
                        duplicates.put(table + " " + columns, indexes);
                    }
                });
            }
        }
        assertThat(duplicates).isEmpty();
    }

    @Test
    void aDisclosureRecordNeedsAStoredDecision() {
        StoredRequest row = stored("POL-FK");
        DisclosureRecord orphan = new DisclosureRecord(new VNumber("1000000001"), row.id(), UUID.randomUUID(),
                new PurposeCode("TRACE_MISSING_RESIDENT"), "Demo-Eenheid",
                Map.of(new FieldName("name"), FieldOutcome.DISCLOSE), T0);
        assertThatThrownBy(() -> tx.run(c -> register.record(c, List.of(orphan))))
                .isInstanceOf(PersistenceException.class);
    }

    @Test
    void openingAgainAppliesNothingAndKeepsTheData() {
        StoredRequest saved = stored("POL-REOPEN");
        try (Database again = Database.open(db.config())) {
            Optional<StoredRequest> found = again.transactions()
                    .inTransaction(c -> requests.find(c, "portal", "POL-REOPEN"));
            assertThat(found).contains(saved);
        }
    }

    // --- oral orders (R7) ----------------------------------------------------------------------------------

    @Test
    void anOralOrderAwaitsItsWrittenOrderAndTheFirstReferenceStands() {
        StoredRequest request = stored("POL-ORAL");
        Instant due = T0.plusSeconds(3 * 86_400);
        tx.run(c -> oralOrders.open(c, request.id(), T0, due));

        assertThat(tx.inTransaction((Connection c) -> oralOrders.awaiting(c, 0, 10)))
                .extracting(OralOrder::requestRowId).containsExactly(request.id());
        assertThat(tx.inTransaction((Connection c) -> oralOrders.overdueCount(c, due.minusMillis(1)))).isZero();
        assertThat(tx.inTransaction((Connection c) -> oralOrders.overdueCount(c, due.plusMillis(1)))).isEqualTo(1);

        Instant received = T0.plusSeconds(86_400);
        assertThat(tx.inTransaction((Connection c) -> oralOrders.confirm(c, request.id(), "PV-2026-1", received)))
                .isTrue();
        assertThat(tx.inTransaction((Connection c) -> oralOrders.confirm(c, request.id(), "PV-OTHER", due)))
                .isFalse();

        OralOrder stored = tx.inTransaction((Connection c) -> oralOrders.find(c, request.id())).orElseThrow();
        assertThat(stored.writtenOrder()).contains(new OralOrder.WrittenOrder("PV-2026-1", Jdbc.millis(received)));
        assertThat(stored.overdue(due.plusSeconds(86_400))).isFalse();
        assertThat(tx.inTransaction((Connection c) -> oralOrders.awaiting(c, 0, 10))).isEmpty();
        assertThat(tx.inTransaction((Connection c) -> oralOrders.overdueCount(c, due.plusSeconds(86_400)))).isZero();
    }

    @Test
    void aWrittenOrderReceivedAfterItsDueTimeStaysMarkedLate() {
        StoredRequest request = stored("POL-ORAL-LATE");
        Instant due = T0.plusSeconds(3 * 86_400);
        tx.run(c -> oralOrders.open(c, request.id(), T0, due));
        tx.run(c -> oralOrders.confirm(c, request.id(), "PV-2026-2", due.plusSeconds(60)));

        OralOrder stored = tx.inTransaction((Connection c) -> oralOrders.find(c, request.id())).orElseThrow();
        assertThat(stored.overdue(due.plusSeconds(120))).isTrue();
    }

    // --- requests and idempotency ---------------------------------------------------------------------------

    @Test
    void aReceivedRequestIsStoredAndReadBackExactly() {
        ReceiveResult result = tx.inTransaction(c -> requests.saveReceived(c,
                request("portal", "officer-1", "POL-1", BODY)));

        assertThat(result).isInstanceOf(ReceiveResult.Created.class);
        StoredRequest saved = result.request();
        assertThat(saved.receivedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00.123Z"));
        assertThat(saved.status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(saved.body()).isEqualTo(BODY);
        assertThat(saved.history()).isEqualTo(new RequestHistory(3, 7));
        assertThat(tx.inTransaction((Connection c) -> requests.find(c, "portal", "POL-1"))).contains(saved);
        assertThat(tx.inTransaction((Connection c) -> requests.byRowId(c, saved.id()))).contains(saved);
    }

    @Test
    void aRequestStoredBeforeHistoryWasCountedReadsAsAFirstRequest() throws SQLException {
        StoredRequest saved = stored("POL-1");
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE requests SET earlier_requests = NULL, location_coverage = NULL");
        }

        assertThat(tx.inTransaction((Connection c) -> requests.byRowId(c, saved.id())))
                .map(StoredRequest::history).contains(RequestHistory.NONE);
    }

    // --- volume (legal catalogue R8) ------------------------------------------------------------------------

    @Test
    void aUnitsRequestsAreCountedPerDayAndSummedOverTheWindow() {
        VolumeStore volume = new VolumeStore();
        tx.run(c -> {
            volume.countRequest(c, "AVIM-Noord", 100);
            volume.countRequest(c, "AVIM-Noord", 100);
            volume.countRequest(c, "AVIM-Noord", 90);
            volume.countRequest(c, "AVIM-Oost", 100);
        });

        assertThat(tx.inTransaction((Connection c) -> volume.requestsSince(c, "AVIM-Noord", 71))).isEqualTo(3);
        assertThat(tx.inTransaction((Connection c) -> volume.requestsSince(c, "AVIM-Noord", 91))).isEqualTo(2);
        assertThat(tx.inTransaction((Connection c) -> volume.requestsSince(c, "AVIM-Oost", 71))).isEqualTo(1);
        assertThat(tx.inTransaction((Connection c) -> volume.requestsSince(c, "Recherche", 71))).isZero();
        assertThat(count("volume_requests")).isEqualTo(3);
    }

    @Test
    void aResidentNamedAgainIsCountedOnceWithTheLastDayItWasNamed() {
        VolumeStore volume = new VolumeStore();
        tx.run(c -> {
            volume.countSubject(c, "AVIM-Noord", "AZC Assen", "1000000001", 80);
            volume.countSubject(c, "AVIM-Noord", "AZC Assen", "1000000002", 80);
            volume.countSubject(c, "AVIM-Noord", "AZC Assen", "1000000001", 100);
            volume.countSubject(c, "AVIM-Noord", "AZC Assen", "1000000001", 100);
            volume.countSubject(c, "AVIM-Noord", "AZC Emmen", "1000000003", 100);
            volume.countSubject(c, "AVIM-Oost", "AZC Assen", "1000000004", 100);
        });

        assertThat(tx.inTransaction((Connection c) -> volume.coveredSince(c, "AVIM-Noord", "AZC Assen", 71, List.of())))
                .isEqualTo(2);
        assertThat(tx.inTransaction((Connection c) -> volume.coveredSince(c, "AVIM-Noord", "AZC Assen", 81, List.of())))
                .as("1000000002 was last named before the window").isEqualTo(1);
        assertThat(tx.inTransaction((Connection c) -> volume.coveredSince(c, "AVIM-Noord", "AZC Assen", 81,
                List.of("1000000001", "1000000002", "1000000009")))).as("each resident once").isEqualTo(3);
        assertThat(count("volume_subjects")).isEqualTo(4);
        // Per location and day, the residents last named then: Assen day 80 holds 1000000002 only, since
        // 1000000001 moved to day 100.
        assertThat(tx.inTransaction((Connection c) -> volume.coveredSince(c, "AVIM-Noord", "AZC Assen", 80, List.of())))
                .isEqualTo(2);
        assertThat(count("volume_coverage")).isEqualTo(4);
    }

    @Test
    void aRequestDecidedBeforeItIsWrittenIsStoredWithItsFinalStatus() {
        StoredRequest saved = tx.inTransaction(c -> requests.saveReceived(c,
                request("portal", "officer-1", "POL-1", BODY), RequestStatus.ESCALATED)).request();

        assertThat(saved.status()).isEqualTo(RequestStatus.ESCALATED);
        assertThat(tx.inTransaction((Connection c) -> requests.find(c, "portal", "POL-1")))
                .map(StoredRequest::status).contains(RequestStatus.ESCALATED);
    }

    @Test
    void theSameBodyAgainIsAReplayOfTheStoredRequest() {
        StoredRequest first = stored("POL-1");

        ReceiveResult again = tx.inTransaction(c -> requests.saveReceived(c,
                request("portal", "officer-1", "POL-1", SAME_BODY_REFORMATTED)));

        assertThat(again).isEqualTo(new ReceiveResult.Replay(first));
        assertThat(count("requests")).isEqualTo(1);
    }

    @Test
    void aDifferentBodyUnderTheSameRequestIdIsAConflict() {
        StoredRequest first = stored("POL-1");

        ReceiveResult again = tx.inTransaction(c -> requests.saveReceived(c,
                request("portal", "officer-1", "POL-1", OTHER_BODY)));

        assertThat(again).isEqualTo(new ReceiveResult.Conflict(first, ReceiveResult.ConflictReason.BODY_DIFFERS));
        assertThat(count("requests")).isEqualTo(1);
    }

    @Test
    void anotherSubjectOfTheSameClientCannotReplaySomeoneElsesRequest() {
        StoredRequest first = stored("POL-1");

        ReceiveResult again = tx.inTransaction(c -> requests.saveReceived(c,
                request("portal", "officer-2", "POL-1", BODY)));

        assertThat(again).isEqualTo(new ReceiveResult.Conflict(first,
                ReceiveResult.ConflictReason.REQUESTER_DIFFERS));
    }

    @Test
    void theKeyIsPerClient() {
        StoredRequest first = stored("POL-1");

        ReceiveResult other = tx.inTransaction(c -> requests.saveReceived(c,
                request("other-system", "officer-1", "POL-1", BODY)));

        assertThat(other).isInstanceOf(ReceiveResult.Created.class);
        assertThat(other.request().id()).isNotEqualTo(first.id());
    }

    /** The store keys bodies by the hash of their canonical JSON, which a body that is not JSON does not have. */
    @Test
    void aBodyThatIsNotJsonIsRefusedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> tx.inTransaction(c -> requests.saveReceived(c,
                request("portal", "officer-1", "POL-1", "{\"requestId\":"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(count("requests")).isZero();
    }

    @Test
    void statusChangesAndTimeWindowsPage() {
        StoredRequest a = stored("POL-A");
        StoredRequest b = stored("POL-B");
        StoredRequest c3 = stored("POL-C");
        assertThat(tx.inTransaction((Connection c) -> requests.updateStatus(c, b.id(), RequestStatus.DECIDED))).isTrue();
        assertThat(tx.inTransaction((Connection c) -> requests.updateStatus(c, -1, RequestStatus.DECIDED))).isFalse();

        Instant from = T0.minusSeconds(1);
        Instant to = T0.plusSeconds(1);
        List<StoredRequest> page1 = tx.inTransaction(c -> requests.receivedBetween(c, from, to, 0, 2));
        List<StoredRequest> page2 = tx.inTransaction(c -> requests.receivedBetween(c, from, to,
                page1.get(1).id(), 2));

        assertThat(page1).extracting(StoredRequest::requestId).containsExactly("POL-A", "POL-B");
        assertThat(page1.get(1).status()).isEqualTo(RequestStatus.DECIDED);
        assertThat(page2).extracting(StoredRequest::id).containsExactly(c3.id());
        assertThat(tx.inTransaction((Connection c) -> requests.receivedBetween(c, to, to.plusSeconds(9), 0, 10))).isEmpty();
        assertThat(a.id()).isLessThan(b.id());
    }

    // --- decisions ----------------------------------------------------------------------------------------

    @Test
    void aReviewSupersedesTheFirstDecisionAndBecomesTheCurrentOne() {
        StoredRequest r = stored("POL-1");
        NewDecision escalated = decision(r.id(), OverallDecision.ESCALATED, T0);
        NewDecision reviewed = decision(r.id(), OverallDecision.PARTIALLY_RELEASED, T0.plusSeconds(60));

        StoredDecision first = tx.inTransaction(c -> decisions.save(c, escalated));
        assertThat(tx.inTransaction((Connection c) -> decisions.current(c, "portal", "POL-1"))).contains(first);

        StoredDecision second = tx.inTransaction(c -> decisions.save(c, reviewed));

        assertThat(tx.inTransaction((Connection c) -> decisions.current(c, "portal", "POL-1"))).contains(second);
        assertThat(tx.inTransaction((Connection c) -> decisions.currentForRequest(c, r.id()))).contains(second);
        assertThat(tx.inTransaction((Connection c) -> decisions.current(c, "other-system", "POL-1"))).isEmpty();
        StoredDecision superseded = tx.inTransaction(c -> decisions.find(c, escalated.decisionId())).orElseThrow();
        assertThat(superseded.current()).isFalse();
        assertThat(superseded.supersededBy()).contains(reviewed.decisionId());
        assertThat(superseded.decidedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:00.123Z"));
        assertThat(tx.inTransaction((Connection c) -> decisions.history(c, r.id())))
                .extracting(StoredDecision::decisionId)
                .containsExactly(escalated.decisionId(), reviewed.decisionId());
    }

    @Test
    void concurrentDecisionsOnOneRequestFormOneLineOfSupersession() throws Exception {
        StoredRequest r = stored("POL-1");
        int threads = 4;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        tx.inTransaction(c -> decisions.save(c, decision(r.id(), OverallDecision.RELEASED, T0)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        List<StoredDecision> all = tx.inTransaction((Connection c) -> decisions.history(c, r.id()));
        assertThat(all).hasSize(threads * perThread);
        assertThat(all).filteredOn(StoredDecision::current).hasSize(1);
        // Following superseded_by from any decision ends at the current one, visiting each decision once.
        Map<UUID, UUID> next = all.stream().filter(d -> !d.current())
                .collect(Collectors.toMap(StoredDecision::decisionId, d -> d.supersededBy().orElseThrow()));
        assertThat(new HashSet<>(next.values())).hasSize(threads * perThread - 1);
    }

    @Test
    void aDecisionUnderAWorkingCopyRulesetHasNoVersion() {
        StoredRequest r = stored("POL-1");
        NewDecision d = new NewDecision(UUID.randomUUID(), r.id(), OverallDecision.REJECTED,
                new RulesetRef(OptionalInt.empty(), SHA), "{}", T0);

        tx.inTransaction(c -> decisions.save(c, d));

        StoredDecision read = tx.inTransaction(c -> decisions.find(c, d.decisionId())).orElseThrow();
        assertThat(read.ruleset()).isEqualTo(new RulesetRef(OptionalInt.empty(), SHA));
        assertThat(read.current()).isTrue();
    }

    @Test
    void theDatabaseAllowsOnlyOneCurrentDecisionPerRequest() {
        StoredRequest r = stored("POL-1");
        StoredDecision d = tx.inTransaction(c -> decisions.save(c, decision(r.id(), OverallDecision.RELEASED, T0)));

        // A second "final" row written around the store (as a buggy or racing writer would) is refused.
        assertThatThrownBy(() -> TestDatabases.execute(db, "INSERT INTO decisions (decision_id, request_row_id,"
                + " overall, ruleset_sha256, decision, decided_at, final_request_row) VALUES (?, ?, 'RELEASED', ?,"
                + " '{}', ?, ?)", UUID.randomUUID().toString(), r.id(), SHA, T0.atOffset(ZoneOffset.UTC), r.id()))
                .hasRootCauseInstanceOf(SQLException.class);
        assertThat(tx.inTransaction((Connection c) -> decisions.currentForRequest(c, r.id()))).contains(d);
    }

    // --- one transaction ----------------------------------------------------------------------------------

    @Test
    void requestDecisionAndAuditRecordCommitTogether() {
        StoredDecision saved = tx.inTransaction(c -> {
            StoredRequest r = requests.saveReceived(c, request("portal", "officer-1", "POL-1", BODY)).request();
            audit.append(c, AuditEventType.REQUEST_RECEIVED, "officer-1", "POL-1", "{\"client\":\"portal\"}");
            StoredDecision d = decisions.save(c, decision(r.id(), OverallDecision.RELEASED, T0));
            requests.updateStatus(c, r.id(), RequestStatus.DECIDED);
            audit.append(c, AuditEventType.DECISION_MADE, "officer-1", "POL-1", "{\"decision\":\"RELEASED\"}");
            return d;
        });

        assertThat(tx.inTransaction((Connection c) -> decisions.current(c, "portal", "POL-1"))).contains(saved);
        assertThat(tx.inTransaction((Connection c) -> audit.verify(c))).isInstanceOf(VerifyResult.Ok.class)
                .extracting(v -> ((VerifyResult.Ok) v).count()).isEqualTo(2L);
    }

    @Test
    void aFailureAfterSavingTheRequestRollsBackRequestDecisionAndAuditRecord() {
        assertThatThrownBy(() -> tx.inTransaction(c -> {
            StoredRequest r = requests.saveReceived(c, request("portal", "officer-1", "POL-1", BODY)).request();
            audit.append(c, AuditEventType.REQUEST_RECEIVED, "officer-1", "POL-1", "{}");
            StoredDecision d = decisions.save(c, decision(r.id(), OverallDecision.ESCALATED, T0));
            audit.append(c, AuditEventType.DECISION_MADE, "officer-1", "POL-1", "{}");
            // Fails in the database: the request row id does not exist.
            return escalations.open(c, UUID.randomUUID(), r.id() + 1000, d.decisionId(), "[]", T0);
        })).isInstanceOf(PersistenceException.class);

        assertNothingWasStored();
        // The chain did not advance either: the next append is seq 1 and links to the genesis hash.
        var next = tx.inTransaction(c -> audit.append(c, AuditEventType.REQUEST_RECEIVED, "officer-1", "POL-2",
                "{}"));
        assertThat(next.seq()).isEqualTo(1);
        assertThat(next.prevHash()).isEqualTo(AuditCanonicalForm.GENESIS_HASH);
    }

    @Test
    void anExceptionInTheCallersCodeRollsBackEverything() {
        assertThatThrownBy(() -> tx.run(c -> {
            StoredRequest r = requests.saveReceived(c, request("portal", "officer-1", "POL-1", BODY)).request();
            decisions.save(c, decision(r.id(), OverallDecision.RELEASED, T0));
            audit.append(c, AuditEventType.DECISION_MADE, "officer-1", "POL-1", "{}");
            throw new IllegalStateException("dispatch failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("dispatch failed");

        assertNothingWasStored();
    }

    private void assertNothingWasStored() {
        assertThat(tx.inTransaction((Connection c) -> requests.find(c, "portal", "POL-1"))).isEmpty();
        assertThat(count("requests")).isZero();
        assertThat(count("decisions")).isZero();
        assertThat(count("audit_records")).isZero();
        assertThat(tx.inTransaction((Connection c) -> audit.query(c, AuditFilter.first(10)))).isEmpty();
        assertThat(tx.inTransaction((Connection c) -> audit.verify(c)))
                .isEqualTo(new VerifyResult.Ok(0, AuditCanonicalForm.GENESIS_HASH));
    }

    @Test
    void aTransientFailureRunsTheWholeUnitAgainAndCommitsOnce() {
        AtomicInteger attempts = new AtomicInteger();

        long id = tx.inTransaction(c -> {
            StoredRequest r = requests.saveReceived(c, request("portal", "officer-1", "POL-1", BODY)).request();
            if (attempts.incrementAndGet() == 1) {
                throw new TransientPersistenceException("simulated serialisation failure", null);
            }
            return r.id();
        });

        assertThat(attempts).hasValue(2);
        assertThat(count("requests")).isEqualTo(1);
        assertThat(tx.inTransaction((Connection c) -> requests.find(c, "portal", "POL-1"))).get()
                .extracting(StoredRequest::id).isEqualTo(id);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> tx.run(c -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("bad input");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(attempts).hasValue(1);
    }

    // --- escalations --------------------------------------------------------------------------------------

    @Test
    void openEscalationsComeOldestFirstAndCloseOnce() {
        StoredRequest r = stored("POL-1");
        StoredDecision d = tx.inTransaction(c -> decisions.save(c, decision(r.id(), OverallDecision.ESCALATED, T0)));
        UUID late = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        UUID middle = UUID.randomUUID();
        tx.run(c -> {
            escalations.open(c, late, r.id(), d.decisionId(), "[\"health\"]", T0.plusSeconds(20));
            escalations.open(c, early, r.id(), d.decisionId(), "[\"health\"]", T0);
            escalations.open(c, middle, r.id(), d.decisionId(), "[\"religion\"]", T0.plusSeconds(10));
        });

        assertThat(tx.inTransaction((Connection c) -> escalations.openOldestFirst(c, 0, 10)))
                .extracting(StoredEscalation::escalationId).containsExactly(early, middle, late);
        assertThat(tx.inTransaction((Connection c) -> escalations.openOldestFirst(c, 1, 1)))
                .extracting(StoredEscalation::escalationId).containsExactly(middle);

        CloseResult closed = tx.inTransaction(c -> escalations.close(c, early, "jurist-a",
                "{\"health\":{\"outcome\":\"REJECT\"}}", T0.plusSeconds(99)));
        CloseResult again = tx.inTransaction(c -> escalations.close(c, early, "jurist-b", "{}", T0.plusSeconds(120)));
        CloseResult missing = tx.inTransaction(c -> escalations.close(c, UUID.randomUUID(), "jurist-b", "{}", T0));

        assertThat(closed).isInstanceOf(CloseResult.Closed.class);
        StoredEscalation e = ((CloseResult.Closed) closed).escalation();
        assertThat(e.status()).isEqualTo(EscalationStatus.CLOSED);
        assertThat(e.reviewer()).contains("jurist-a");
        assertThat(e.verdictJson()).contains("{\"health\":{\"outcome\":\"REJECT\"}}");
        assertThat(e.closedAt()).contains(Instant.parse("2026-11-28T10:01:39.123Z"));
        assertThat(again).isEqualTo(new CloseResult.AlreadyClosed(e));
        assertThat(missing).isEqualTo(new CloseResult.NotFound());
        assertThat(tx.inTransaction((Connection c) -> escalations.openOldestFirst(c, 0, 10)))
                .extracting(StoredEscalation::escalationId).containsExactly(middle, late);
        assertThat(tx.inTransaction((Connection c) -> escalations.find(c, early))).contains(e);
        assertThat(tx.inTransaction((Connection c) -> escalations.openFor(c, r.id()))).get()
                .extracting(StoredEscalation::escalationId).isEqualTo(middle);
    }

    @Test
    void aClosedReviewOwesItsRepliesUntilTheyAreSentOnce() {
        StoredRequest r = stored("POL-1");
        StoredDecision d = tx.inTransaction(c -> decisions.save(c, decision(r.id(), OverallDecision.ESCALATED, T0)));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID stillOpen = UUID.randomUUID();
        tx.run(c -> {
            escalations.open(c, first, r.id(), d.decisionId(), "[\"health\"]", T0);
            escalations.open(c, second, r.id(), d.decisionId(), "[\"health\"]", T0);
            escalations.open(c, stillOpen, r.id(), d.decisionId(), "[\"health\"]", T0);
            escalations.close(c, second, "jurist-a", "{}", T0.plusSeconds(20));
            escalations.close(c, first, "jurist-a", "{}", T0.plusSeconds(10));
        });

        assertThat(tx.inTransaction((Connection c) -> escalations.repliesOwed(c, T0.plusSeconds(60), 10)))
                .as("closed ones, oldest closed first; not the open one").extracting(StoredEscalation::escalationId)
                .containsExactly(first, second);
        assertThat(tx.inTransaction((Connection c) -> escalations.repliesOwed(c, T0.plusSeconds(15), 10)))
                .as("only those closed before the given time").extracting(StoredEscalation::escalationId)
                .containsExactly(first);
        assertThat(tx.inTransaction((Connection c) -> escalations.repliesOwed(c, T0.plusSeconds(60), 1)))
                .extracting(StoredEscalation::escalationId).containsExactly(first);

        assertThat(tx.<Boolean>inTransaction(c -> escalations.repliesSent(c, first, T0.plusSeconds(30)))).isTrue();
        assertThat(tx.<Boolean>inTransaction(c -> escalations.repliesSent(c, first, T0.plusSeconds(40))))
                .as("sent before").isFalse();
        assertThat(tx.<Boolean>inTransaction(c -> escalations.repliesSent(c, stillOpen, T0.plusSeconds(40))))
                .as("an open review owes nothing yet").isFalse();
        assertThat(tx.inTransaction((Connection c) -> escalations.repliesOwed(c, T0.plusSeconds(60), 10)))
                .extracting(StoredEscalation::escalationId).containsExactly(second);
    }

    @Test
    void ofTwoReviewersClosingTheSameEscalationAtOnceExactlyOneWins() throws Exception {
        StoredRequest r = stored("POL-1");
        StoredDecision d = tx.inTransaction(c -> decisions.save(c, decision(r.id(), OverallDecision.ESCALATED, T0)));
        for (int round = 0; round < 10; round++) {
            UUID id = UUID.randomUUID();
            tx.run(c -> escalations.open(c, id, r.id(), d.decisionId(), "[]", T0));

            List<CloseResult> results = concurrently(2, reviewer -> tx.inTransaction(c -> escalations.close(c, id,
                    "jurist-" + reviewer, "{}", T0)));

            assertThat(results).filteredOn(CloseResult.Closed.class::isInstance).hasSize(1);
            assertThat(results).filteredOn(CloseResult.AlreadyClosed.class::isInstance).hasSize(1);
        }
    }

    // --- rulesets -----------------------------------------------------------------------------------------

    private StoredRuleset upload(String author, String sha) {
        return tx.inTransaction(c -> rulesets.create(c, new NewRuleset(sha, "{\"rules/a.dslr\":\"rule\"}", author,
                Optional.of("first cut"), Optional.empty(), T0)));
    }

    @Test
    void rulesetVersionsAreNumberedAndFollowTheFourEyesLifecycle() {
        int v1 = upload("alice", "1".repeat(64)).meta().version();
        int v2 = upload("alice", "2".repeat(64)).meta().version();
        assertThat(List.of(v1, v2)).containsExactly(1, 2);

        assertThat(tx.inTransaction((Connection c) -> rulesets.approve(c, v1, "alice", T0)))
                .isInstanceOf(LifecycleResult.SameAuthor.class);
        assertThat(tx.inTransaction((Connection c) -> rulesets.activate(c, v1, "admin", T0)))
                .isInstanceOf(LifecycleResult.WrongStatus.class);
        assertThat(tx.inTransaction((Connection c) -> rulesets.recordChecks(c, v1, "{\"compile\":\"OK\"}")))
                .isInstanceOf(LifecycleResult.Done.class);
        LifecycleResult approved = tx.inTransaction(c -> rulesets.approve(c, v1, "bob", T0.plusSeconds(1)));
        assertThat(approved).isInstanceOf(LifecycleResult.Done.class);
        RulesetVersion v1Approved = ((LifecycleResult.Done) approved).version();
        assertThat(v1Approved.status()).isEqualTo(RulesetStatus.APPROVED);
        assertThat(v1Approved.approver()).contains("bob");
        assertThat(v1Approved.approvedAt()).contains(Instant.parse("2026-11-28T10:00:01.123Z"));
        assertThat(tx.inTransaction((Connection c) -> rulesets.recordChecks(c, v1, "{}")))
                .isInstanceOf(LifecycleResult.WrongStatus.class);
        assertThat(tx.inTransaction((Connection c) -> rulesets.active(c))).isEmpty();

        assertThat(tx.inTransaction((Connection c) -> rulesets.activate(c, v1, "admin", T0.plusSeconds(2))))
                .isInstanceOf(LifecycleResult.Done.class);
        assertThat(tx.inTransaction((Connection c) -> rulesets.active(c))).get().extracting(RulesetVersion::version).isEqualTo(v1);

        tx.inTransaction(c -> rulesets.approve(c, v2, "bob", T0.plusSeconds(3)));
        tx.inTransaction(c -> rulesets.activate(c, v2, "admin", T0.plusSeconds(4)));
        assertThat(statuses()).containsExactly(RulesetStatus.RETIRED, RulesetStatus.ACTIVE);

        // Roll back: the retired version becomes active again.
        assertThat(tx.inTransaction((Connection c) -> rulesets.activate(c, v1, "admin", T0.plusSeconds(5))))
                .isInstanceOf(LifecycleResult.Done.class);
        assertThat(statuses()).containsExactly(RulesetStatus.ACTIVE, RulesetStatus.RETIRED);
        RulesetVersion active = tx.inTransaction(c -> rulesets.active(c)).orElseThrow();
        assertThat(active.version()).isEqualTo(v1);
        assertThat(active.activatedAt()).contains(Instant.parse("2026-11-28T10:00:05.123Z"));
        assertThat(active.retiredAt()).isEmpty();

        assertThat(tx.inTransaction((Connection c) -> rulesets.retire(c, v1, T0.plusSeconds(6))))
                .isInstanceOf(LifecycleResult.Done.class);
        assertThat(tx.inTransaction((Connection c) -> rulesets.active(c))).isEmpty();
        assertThat(tx.inTransaction((Connection c) -> rulesets.retire(c, v1, T0)))
                .isInstanceOf(LifecycleResult.WrongStatus.class);
        assertThat(tx.inTransaction((Connection c) -> rulesets.approve(c, 99, "bob", T0)))
                .isEqualTo(new LifecycleResult.NotFound(99));
    }

    @Test
    void aRulesetKeepsItsFilesAndChecks() {
        StoredRuleset created = upload("alice", "3".repeat(64));
        tx.inTransaction(c -> rulesets.recordChecks(c, 1, "{\"scenarios\":{\"passed\":4,\"failed\":0}}"));

        StoredRuleset read = tx.inTransaction(c -> rulesets.find(c, 1)).orElseThrow();

        assertThat(read.meta()).isEqualTo(created.meta());
        assertThat(read.filesJson()).isEqualTo("{\"rules/a.dslr\":\"rule\"}");
        assertThat(read.checkResultsJson()).contains("{\"scenarios\":{\"passed\":4,\"failed\":0}}");
        assertThat(tx.inTransaction((Connection c) -> rulesets.findBySha256(c, "3".repeat(64)))).contains(created.meta());
        assertThat(tx.inTransaction((Connection c) -> rulesets.find(c, 2))).isEmpty();
    }

    @Test
    void theDatabaseAllowsOnlyOneActiveRuleset() {
        upload("alice", "1".repeat(64));
        upload("alice", "2".repeat(64));
        tx.inTransaction(c -> rulesets.approve(c, 1, "bob", T0));
        tx.inTransaction(c -> rulesets.activate(c, 1, "admin", T0));

        assertThatThrownBy(() -> TestDatabases.execute(db,
                "UPDATE rulesets SET status = 'ACTIVE', active_slot = 1 WHERE version = 2"))
                .hasRootCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> TestDatabases.execute(db,
                "UPDATE rulesets SET status = 'ACTIVE' WHERE version = 2"))
                .hasRootCauseInstanceOf(SQLException.class);
    }

    @Test
    void concurrentActivationsLeaveExactlyOneActiveVersion() throws Exception {
        for (int v = 1; v <= 2; v++) {
            upload("alice", String.valueOf(v).repeat(64));
            int version = v;
            tx.inTransaction(c -> rulesets.approve(c, version, "bob", T0));
        }
        for (int round = 0; round < 10; round++) {
            tx.run(c -> rulesets.active(c).ifPresent(a -> rulesets.retire(c, a.version(), T0)));

            List<LifecycleResult> results = concurrently(2, i -> tx.inTransaction(c -> rulesets.activate(c, i + 1,
                    "admin-" + i, T0)));

            assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(LifecycleResult.Done.class));
            assertThat(statuses()).containsExactlyInAnyOrder(RulesetStatus.ACTIVE, RulesetStatus.RETIRED);
        }
    }

    private List<RulesetStatus> statuses() {
        return tx.inTransaction(c -> rulesets.list(c)).stream().map(RulesetVersion::status).toList();
    }

    // --- disclosures register -----------------------------------------------------------------------------

    @Test
    void theRegisterListsEveryReleasedFieldOfOneResidentInTimeOrder() {
        StoredRequest r1 = stored("POL-1");
        StoredRequest r2 = stored("POL-2");
        StoredDecision d1 = tx.inTransaction(c -> decisions.save(c, decision(r1.id(), OverallDecision.RELEASED, T0)));
        StoredDecision d2 = tx.inTransaction(c -> decisions.save(c, decision(r2.id(), OverallDecision.RELEASED, T0)));
        VNumber zoe = new VNumber("1000000001");
        VNumber other = new VNumber("1000000002");
        PurposeCode trace = new PurposeCode("TRACE_MISSING_RESIDENT");
        Map<FieldName, FieldOutcome> released = new LinkedHashMap<>();
        released.put(new FieldName("phone"), FieldOutcome.MASK);
        released.put(new FieldName("name"), FieldOutcome.DISCLOSE);
        DisclosureRecord later = new DisclosureRecord(zoe, r2.id(), d2.decisionId(), trace, "AVIM-Zuid",
                Map.of(new FieldName("current_location"), FieldOutcome.GENERALISE), T0.plusSeconds(30));
        DisclosureRecord first = new DisclosureRecord(zoe, r1.id(), d1.decisionId(), trace, "AVIM-Noord", released, T0);
        DisclosureRecord notZoe = new DisclosureRecord(other, r1.id(), d1.decisionId(), trace, "AVIM-Noord", released,
                T0);
        tx.run(c -> register.record(c, List.of(later, first, notZoe)));

        Disclosure phone = new Disclosure(zoe, r1.id(), d1.decisionId(), trace, "AVIM-Noord",
                new FieldName("phone"), FieldOutcome.MASK, T0);
        Disclosure name = new Disclosure(zoe, r1.id(), d1.decisionId(), trace, "AVIM-Noord",
                new FieldName("name"), FieldOutcome.DISCLOSE, T0);
        Disclosure location = new Disclosure(zoe, r2.id(), d2.decisionId(), trace, "AVIM-Zuid",
                new FieldName("current_location"), FieldOutcome.GENERALISE, T0.plusSeconds(30));
        assertThat(byVNumber(zoe, 0, 10)).containsExactly(phone, name, location);
        // Paged by field, not by stored row: a page may start or end inside one decision's fields.
        assertThat(byVNumber(zoe, 1, 1)).containsExactly(name);
        assertThat(byVNumber(zoe, 1, 10)).containsExactly(name, location);
        assertThat(byVNumber(zoe, 0, 1)).containsExactly(phone);
        assertThat(byVNumber(zoe, 2, 10)).containsExactly(location);
        assertThat(byVNumber(zoe, 3, 10)).isEmpty();
        assertThat(byVNumber(zoe, Integer.MAX_VALUE, 5000)).isEmpty();
        assertThat(byVNumber(other, 0, 10)).containsExactlyElementsOf(notZoe.disclosures());
        assertThat(byVNumber(new VNumber("1000000003"), 0, 10)).isEmpty();
    }

    @Test
    void aDecisionIsOneRegisterRowPerResident() throws SQLException {
        StoredRequest r = stored("POL-1");
        StoredDecision d = tx.inTransaction(c -> decisions.save(c, decision(r.id(), OverallDecision.RELEASED, T0)));
        Map<FieldName, FieldOutcome> released = new LinkedHashMap<>();
        released.put(new FieldName("name"), FieldOutcome.DISCLOSE);
        released.put(new FieldName("date_of_birth"), FieldOutcome.DISCLOSE);
        released.put(new FieldName("current_location"), FieldOutcome.GENERALISE);
        tx.run(c -> register.record(c, List.of(
                new DisclosureRecord(new VNumber("1000000001"), r.id(), d.decisionId(),
                        new PurposeCode("TRACE_MISSING_RESIDENT"), "AVIM-Noord", released, T0),
                new DisclosureRecord(new VNumber("1000000002"), r.id(), d.decisionId(),
                        new PurposeCode("TRACE_MISSING_RESIDENT"), "AVIM-Noord", released, T0))));

        List<String> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT v_number, fields FROM disclosure_records ORDER BY v_number")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        assertThat(rows).containsExactly(
                "1000000001 name=DISCLOSE,date_of_birth=DISCLOSE,current_location=GENERALISE",
                "1000000002 name=DISCLOSE,date_of_birth=DISCLOSE,current_location=GENERALISE");
    }

    private List<Disclosure> byVNumber(VNumber vNumber, int offset, int limit) {
        return tx.inTransaction((Connection c) -> register.byVNumber(c, vNumber, offset, limit));
    }

    @Test
    void aRejectedFieldIsNoDisclosure() {
        assertThatThrownBy(() -> new Disclosure(new VNumber("1000000001"), 1, UUID.randomUUID(),
                new PurposeCode("TRACE_MISSING_RESIDENT"), "AVIM-Noord", new FieldName("health"),
                FieldOutcome.REJECT, T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DisclosureRecord(new VNumber("1000000001"), 1, UUID.randomUUID(),
                new PurposeCode("TRACE_MISSING_RESIDENT"), "AVIM-Noord", Map.of(new FieldName("name"),
                FieldOutcome.DISCLOSE, new FieldName("health"), FieldOutcome.ESCALATE), T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DisclosureRecord(new VNumber("1000000001"), 1, UUID.randomUUID(),
                new PurposeCode("TRACE_MISSING_RESIDENT"), "AVIM-Noord", Map.of(), T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- processed files ----------------------------------------------------------------------------------

    @Test
    void aProcessedKeyIsAddedOnce() {
        assertThat(tx.inTransaction((Connection c) -> processed.add(c, "inbox", "batch-1.json", T0))).isTrue();
        assertThat(tx.inTransaction((Connection c) -> processed.add(c, "inbox", "batch-1.json", T0))).isFalse();
        assertThat(tx.inTransaction((Connection c) -> processed.add(c, "other", "batch-1.json", T0))).isTrue();
        assertThat(tx.inTransaction((Connection c) -> processed.contains(c, "inbox", "batch-1.json"))).isTrue();
        assertThat(tx.inTransaction((Connection c) -> processed.remove(c, "inbox", "batch-1.json"))).isTrue();
        assertThat(tx.inTransaction((Connection c) -> processed.contains(c, "inbox", "batch-1.json"))).isFalse();
        assertThat(tx.inTransaction((Connection c) -> processed.clear(c, "other"))).isEqualTo(1);
    }

    @Test
    void aDuplicateKeyDoesNotSpoilTheRestOfTheTransaction() {
        tx.inTransaction(c -> processed.add(c, "inbox", "batch-1.json", T0));

        tx.run(c -> {
            assertThat(processed.add(c, "inbox", "batch-1.json", T0)).isFalse();
            stored(c, "POL-AFTER-DUPLICATE");
        });

        assertThat(tx.inTransaction((Connection c) -> requests.find(c, "portal", "POL-AFTER-DUPLICATE"))).isPresent();
    }

    // --- reply addresses (queue channel) -------------------------------------------------------------------

    @Test
    void aQueuedRequestKeepsTheFirstReplyAddressItWasAnsweredOn() {
        stored("POL-Q-1");

        assertThat(tx.inTransaction((Connection c) -> replies.remember(c, "portal", "POL-Q-1", "police.replies",
                "corr-1", T0))).isTrue();
        assertThat(tx.inTransaction((Connection c) -> replies.remember(c, "portal", "POL-Q-1", "other.replies",
                "corr-2", T0))).as("a redelivery keeps the first").isFalse();
        assertThat(tx.inTransaction((Connection c) -> replies.remember(c, "portal", "POL-UNKNOWN", "police.replies",
                null, T0))).as("no request, no address").isFalse();

        assertThat(tx.inTransaction((Connection c) -> replies.find(c, "portal", "POL-Q-1")))
                .contains(new ReplyAddressStore.Row("police.replies", "corr-1"));
        assertThat(tx.inTransaction((Connection c) -> replies.find(c, "other-client", "POL-Q-1"))).isEmpty();
    }

    @Test
    void aBatchedRequestsBindingIsFoundOnItsOwnChannelOnly() {
        stored("POL-F-1");

        assertThat(tx.inTransaction((Connection c) -> replies.remember(c, ReplyAddressStore.FILE, "portal", "POL-F-1",
                "police-demo", null, T0))).isTrue();

        assertThat(tx.inTransaction((Connection c) -> replies.find(c, ReplyAddressStore.FILE, "portal", "POL-F-1")))
                .contains(new ReplyAddressStore.Row("police-demo", null));
        assertThat(tx.inTransaction((Connection c) -> replies.find(c, "portal", "POL-F-1")))
                .as("never a queue address").isEmpty();
    }

    private void stored(Connection c, String requestId) {
        requests.saveReceived(c, request("portal", "officer-1", requestId, BODY));
    }

    /** Runs {@code work(0..n-1)} on n threads released at once; returns the results in thread order. */
    static <T> List<T> concurrently(int n, java.util.function.IntFunction<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.apply(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(1, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    long count(String table) {
        return tx.inTransaction(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
