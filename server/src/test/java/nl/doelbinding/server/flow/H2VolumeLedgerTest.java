package nl.doelbinding.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import nl.doelbinding.engine.catalogue.Policy;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.InstrumentCode;
import nl.doelbinding.engine.model.LegalBasis;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.model.RequestHistory;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.model.Subject;
import nl.doelbinding.engine.model.VNumber;
import nl.doelbinding.engine.port.RequestHistories.Counted;
import nl.doelbinding.engine.port.ResidentDirectory;
import nl.doelbinding.server.persistence.Database;
import nl.doelbinding.server.persistence.DatabaseConfig;
import nl.doelbinding.server.persistence.TestDatabases;
import nl.doelbinding.server.persistence.VolumeStore;
import nl.doelbinding.server.residents.JdbcResidentDirectory;
import nl.doelbinding.server.residents.SyntheticRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history the volume rules see (legal catalogue R8), counted on the embedded database: a unit's requests in the
 * window, and its coverage of a location, this request's subjects included.
 */
class H2VolumeLedgerTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Policy POLICY = new Policy(5, 20, 10, 30);

    /** 20 residents at AZC Assen (each is 5% of it), 1000000101 at AZC Emmen of unknown size, 1000000999 absent. */
    private static final ResidentDirectory REGISTER = new ResidentDirectory() {
        @Override
        public Map<VNumber, Map<FieldName, String>> read(Collection<VNumber> residents, Set<FieldName> fields) {
            Map<VNumber, Map<FieldName, String>> found = new TreeMap<>();
            for (VNumber v : residents) {
                long n = Long.parseLong(v.value());
                if (n <= 1000000020L) {
                    found.put(v, Map.of(LOCATION, "AZC Assen"));
                } else if (n == 1000000101L) {
                    found.put(v, Map.of(LOCATION, "AZC Emmen"));
                }
            }
            return found;
        }

        @Override
        public OptionalLong residentsAt(String location) {
            return location.equals("AZC Assen") ? OptionalLong.of(20) : OptionalLong.empty();
        }
    };

    @TempDir
    Path dir;
    private Database db;
    private VolumeLedger ledger;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabases.h2(dir));
        ledger = new VolumeLedger(db.transactions(), new VolumeStore(), REGISTER, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static DisclosureRequest request(String unit, long... vNumbers) {
        List<Subject> subjects = java.util.Arrays.stream(vNumbers)
                .mapToObj(v -> new Subject(new VNumber(String.valueOf(v)))).toList();
        return new DisclosureRequest("R", Optional.of(new PurposeCode("TRACE_MISSING_RESIDENT")),
                new LegalBasis(new InstrumentCode("SV_126ND"), Optional.of("OvJ-1"), Optional.empty(), false),
                Optional.of("ZAAK-1"), subjects, List.of(new FieldName("name")), "",
                new Requester("officer", "police-demo", Set.of("police-requester"), unit));
    }

    private RequestHistory count(DisclosureRequest request, Instant at) {
        return ledger.count(request, POLICY, at).history();
    }

    private void decide(DisclosureRequest request, OverallDecision overall, Instant at) {
        Counted counted = ledger.count(request, POLICY, at);
        Decision decision = new Decision("R", overall, new RulesetRef(OptionalInt.of(1), "a".repeat(64)), List.of(),
                List.of());
        db.transactions().run(c -> ledger.record(c, request, decision, counted, at));
    }

    @Test
    void aFirstRequestHasNoEarlierRequestsAndCoversOnlyItsOwnSubjects() {
        assertThat(count(request("AVIM-Noord", 1000000001L), NOW)).isEqualTo(new RequestHistory(0, 5));
        assertThat(count(request("AVIM-Noord", 1000000001L, 1000000002L, 1000000003L), NOW))
                .isEqualTo(new RequestHistory(0, 15));
    }

    @Test
    void earlierRequestsOfTheUnitCountAndTheirResidentsAddToTheCoverage() {
        decide(request("AVIM-Noord", 1000000001L), OverallDecision.RELEASED, NOW.minus(Duration.ofDays(3)));
        decide(request("AVIM-Noord", 1000000002L), OverallDecision.ESCALATED, NOW.minus(Duration.ofDays(1)));
        decide(request("AVIM-Oost", 1000000004L), OverallDecision.RELEASED, NOW);

        // 1000000001 again: named before, counted once. 1000000003 new: 3 of 20 residents, 15%.
        assertThat(count(request("AVIM-Noord", 1000000001L, 1000000003L), NOW)).isEqualTo(new RequestHistory(2, 15));
        assertThat(count(request("AVIM-Oost", 1000000005L), NOW)).isEqualTo(new RequestHistory(1, 10));
    }

    @Test
    void aRequestRefusedOutrightCountsAsARequestButNamesNobody() {
        decide(request("AVIM-Noord", 1000000001L, 1000000002L), OverallDecision.REJECTED, NOW);

        assertThat(count(request("AVIM-Noord", 1000000003L), NOW)).isEqualTo(new RequestHistory(1, 5));
    }

    @Test
    void onlyTheWindowOfThePolicyCounts() {
        Instant day29Before = NOW.minus(Duration.ofDays(29));
        Instant day30Before = NOW.minus(Duration.ofDays(30));
        decide(request("AVIM-Noord", 1000000001L), OverallDecision.RELEASED, day30Before);
        decide(request("AVIM-Noord", 1000000002L), OverallDecision.RELEASED, day29Before);

        assertThat(count(request("AVIM-Noord", 1000000003L), NOW)).isEqualTo(new RequestHistory(1, 10));
    }

    @Test
    void aLocationOfUnknownSizeCountsAsFullyCoveredAndAnAbsentResidentAsNothing() {
        assertThat(count(request("AVIM-Noord", 1000000101L), NOW)).isEqualTo(new RequestHistory(0, 100));
        assertThat(count(request("AVIM-Noord", 1000000999L), NOW)).isEqualTo(new RequestHistory(0, 0));
    }

    @Test
    void theCountedLocationsAreTheOnesRecordedWithTheDecisionAndOnlyResidentsInTheRegisterAreRegistered() {
        Counted counted = ledger.count(request("AVIM-Noord", 1000000001L, 1000000999L), POLICY, NOW);

        assertThat(counted.locations()).containsExactly(Map.entry(new VNumber("1000000001"), "AZC Assen"));
        assertThat(counted.registered()).contains(Set.of(new VNumber("1000000001")));
    }

    /**
     * The register on the server's own pool, as the embedded database and the synthetic register run it: counting
     * must not hold a connection while it asks the register for another. With one connection left in the pool, a
     * count that did would wait for itself until the pool gave up (as 32 request threads on a pool of 10 did).
     */
    @Test
    void aRegisterOnTheSamePoolIsNeverAskedForASecondConnection() throws SQLException {
        Path small = dir.resolve("small");
        try (Database one = Database.open(DatabaseConfig.embedded(small, 2))) {
            new SyntheticRegister(SyntheticRegister.SEED, 40).load(one.dataSource());
            JdbcResidentDirectory register = new JdbcResidentDirectory(one.dataSource());
            String location = register.read(List.of(new VNumber("1000000001")), Set.of(ResidentDirectory.LOCATION))
                    .get(new VNumber("1000000001")).get(ResidentDirectory.LOCATION);
            long atLocation = register.residentsAt(location).orElseThrow();
            VolumeLedger onePool = new VolumeLedger(one.transactions(), new VolumeStore(), register,
                    Clock.fixed(NOW, ZoneOffset.UTC));

            Counted counted;
            try (Connection taken = one.dataSource().getConnection()) {
                counted = onePool.count(request("AVIM-Noord", 1000000001L), POLICY, NOW);
            }

            assertThat(counted.history()).isEqualTo(new RequestHistory(0, RequestHistory.percent(1, atLocation)));
            assertThat(counted.locations()).containsEntry(new VNumber("1000000001"), location);
        }
    }
}
