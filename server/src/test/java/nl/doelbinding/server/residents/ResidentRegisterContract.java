package nl.doelbinding.server.residents;

import static nl.doelbinding.server.residents.RegisterFields.DATE_OF_BIRTH;
import static nl.doelbinding.server.residents.RegisterFields.DEPARTURE_DATE;
import static nl.doelbinding.server.residents.RegisterFields.HEALTH;
import static nl.doelbinding.server.residents.RegisterFields.NAME;
import static nl.doelbinding.server.residents.RegisterFields.RELIGION;
import static nl.doelbinding.server.residents.RegisterFields.V_NUMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.VNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the register adapter must do on every database it supports; a subclass per database supplies an
 * empty database (or schema) for each test. The standard synthetic register is migrated and loaded first.
 */
abstract class ResidentRegisterContract {
    static final SyntheticRegister REGISTER = new SyntheticRegister();
    static final VNumber FIRST = new VNumber("1000000001");
    static final VNumber SEVENTEENTH = new VNumber("1000000017");
    static final VNumber LAST = new VNumber("1000002000");
    static final VNumber UNKNOWN = new VNumber("1000002001");

    DataSource dataSource;

    /** An empty database or schema, used by one test. */
    abstract DataSource freshDatabase() throws Exception;

    @BeforeEach
    void migrateAndLoad() throws Exception {
        dataSource = freshDatabase();
        RegisterMigration.apply(dataSource);
        assertThat(REGISTER.load(dataSource)).isEqualTo(SyntheticRegister.SIZE);
    }

    static SyntheticResident resident(VNumber vNumber) {
        return REGISTER.residents().get((int) (Long.parseLong(vNumber.value()) - SyntheticRegister.FIRST_V_NUMBER));
    }

    static Map<FieldName, String> expected(VNumber vNumber, Set<FieldName> fields) {
        Map<FieldName, String> values = new LinkedHashMap<>();
        fields.forEach(field -> values.put(field, resident(vNumber).value(field)));
        return values;
    }

    @Test
    void readsExactlyTheRequestedFieldsOfTheRequestedResidents() {
        Set<FieldName> fields = Set.of(NAME, HEALTH, DEPARTURE_DATE);

        Map<VNumber, Map<FieldName, String>> read = new JdbcResidentDirectory(dataSource)
                .read(List.of(LAST, FIRST, SEVENTEENTH), fields);

        assertThat(read).containsOnlyKeys(FIRST, SEVENTEENTH, LAST);
        for (VNumber v : List.of(FIRST, SEVENTEENTH, LAST)) {
            assertThat(read.get(v)).containsExactlyInAnyOrderEntriesOf(expected(v, fields));
        }
    }

    @Test
    void leavesOutResidentsThatAreNotInTheRegister() {
        JdbcResidentDirectory directory = new JdbcResidentDirectory(dataSource);

        assertThat(directory.read(List.of(FIRST, UNKNOWN, new VNumber("0000000000")), Set.of(NAME)))
                .containsOnlyKeys(FIRST);
        assertThat(directory.read(List.of(UNKNOWN, new VNumber("9999999999")), Set.of(NAME))).isEmpty();
        assertThat(directory.read(List.of(), Set.of(NAME))).isEmpty();
    }

    @Test
    void readsTheWholeRegisterAcrossBatchBoundaries() {
        List<VNumber> all = new ArrayList<>(REGISTER.residents().stream().map(SyntheticResident::vNumber).toList());
        all.add(UNKNOWN);
        all.add(FIRST); // asked twice, read once
        Set<FieldName> fields = new HashSet<>(RegisterFields.ALL);

        for (int batchSize : List.of(7, JdbcResidentDirectory.DEFAULT_BATCH_SIZE)) {
            Map<VNumber, Map<FieldName, String>> read = new JdbcResidentDirectory(dataSource,
                    ResidentTableMapping.defaults(), batchSize).read(all, fields);

            assertThat(read).hasSize(SyntheticRegister.SIZE);
            for (SyntheticResident resident : REGISTER.residents()) {
                assertThat(read.get(resident.vNumber())).as("resident %s", resident.vNumber())
                        .isEqualTo(resident.values());
            }
        }
    }

    @Test
    void withoutFieldsStillTellsWhichResidentsExist() {
        assertThat(new JdbcResidentDirectory(dataSource).read(List.of(FIRST, UNKNOWN), Set.of()))
                .containsExactly(Map.entry(FIRST, Map.of()));
    }

    @Test
    void leavesOutFieldsTheMappingDoesNotHoldAndNullColumns() throws Exception {
        RegisterMigration.execute(dataSource, "UPDATE residents SET religion = NULL WHERE v_number = '1000000001'");
        JdbcResidentDirectory directory = new JdbcResidentDirectory(dataSource,
                ResidentTableMapping.defaults().withoutField(HEALTH));

        Map<VNumber, Map<FieldName, String>> read = directory.read(List.of(FIRST, SEVENTEENTH),
                Set.of(NAME, HEALTH, RELIGION));

        assertThat(read.get(FIRST)).containsOnlyKeys(NAME);
        assertThat(read.get(SEVENTEENTH)).containsOnlyKeys(NAME, RELIGION);
    }

    @Test
    void readsAHolderTableThroughACustomColumnMapping() throws Exception {
        RegisterMigration.execute(dataSource,
                "CREATE TABLE coa_bewoners (vnummer VARCHAR(10) PRIMARY KEY, volledige_naam VARCHAR(100),"
                        + " geboortedatum VARCHAR(10), medisch VARCHAR(100), name VARCHAR(100))",
                "INSERT INTO coa_bewoners VALUES ('1000000001', 'Testa Persoon', '1990-01-02', 'asthma', 'wrong')",
                "INSERT INTO coa_bewoners VALUES ('5000000000', 'Tweede Persoon', '1985-06-30', 'none', 'wrong')");
        ResidentTableMapping mapping = new ResidentTableMapping("coa_bewoners", "vnummer",
                Map.of(NAME, "volledige_naam", DATE_OF_BIRTH, "geboortedatum", HEALTH, "medisch",
                        V_NUMBER, "vnummer"));
        JdbcResidentDirectory directory = new JdbcResidentDirectory(dataSource, mapping);
        directory.verifySchema();

        Map<VNumber, Map<FieldName, String>> read = directory.read(
                List.of(FIRST, new VNumber("5000000000"), SEVENTEENTH),
                Set.of(NAME, DATE_OF_BIRTH, HEALTH, V_NUMBER, RELIGION));

        assertThat(read).containsOnlyKeys(FIRST, new VNumber("5000000000"));
        assertThat(read.get(FIRST)).containsExactlyInAnyOrderEntriesOf(Map.of(NAME, "Testa Persoon",
                DATE_OF_BIRTH, "1990-01-02", HEALTH, "asthma", V_NUMBER, "1000000001"));
        assertThat(read.get(new VNumber("5000000000"))).containsEntry(NAME, "Tweede Persoon");
    }

    @Test
    void verifySchemaRejectsAMappingTheTableDoesNotMatch() {
        new JdbcResidentDirectory(dataSource).verifySchema();

        assertThatThrownBy(() -> new JdbcResidentDirectory(dataSource,
                ResidentTableMapping.defaults().withColumn(HEALTH, "gezondheid")).verifySchema())
                .isInstanceOf(ResidentRegisterException.class).hasMessageContaining("residents");
        assertThatThrownBy(() -> new JdbcResidentDirectory(dataSource, ResidentTableMapping.fromConfig(
                "no_such_table", "v_number", Map.of())).verifySchema())
                .isInstanceOf(ResidentRegisterException.class).hasMessageContaining("no_such_table");
    }

    @Test
    void rejectsUnsafeIdentifiersBeforeTheyReachTheDatabase() throws Exception {
        for (String attack : List.of("residents; DROP TABLE residents", "residents --", "name) FROM residents;--",
                "\"residents\"", "v_number OR 1=1")) {
            assertThatThrownBy(() -> new JdbcResidentDirectory(dataSource,
                    ResidentTableMapping.fromConfig(attack, "v_number", Map.of())))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new JdbcResidentDirectory(dataSource,
                    ResidentTableMapping.fromConfig("residents", attack, Map.of())))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new JdbcResidentDirectory(dataSource,
                    ResidentTableMapping.fromConfig("residents", "v_number", Map.of("name", attack))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(RegisterMigration.count(dataSource, "residents")).isEqualTo(SyntheticRegister.SIZE);
    }

    @Test
    void refusesToChooseBetweenTwoRowsWithOneVNumber() throws Exception {
        RegisterMigration.execute(dataSource,
                "CREATE TABLE loose_register (vnr VARCHAR(10), naam VARCHAR(100))",
                "INSERT INTO loose_register VALUES ('1000000001', 'Eerste Rij')",
                "INSERT INTO loose_register VALUES ('1000000001', 'Tweede Rij')");
        JdbcResidentDirectory directory = new JdbcResidentDirectory(dataSource,
                new ResidentTableMapping("loose_register", "vnr", Map.of(NAME, "naam")));

        assertThatThrownBy(() -> directory.read(List.of(FIRST), Set.of(NAME)))
                .isInstanceOf(ResidentRegisterException.class)
                .hasMessageContaining("not unique")
                .hasMessageNotContaining("1000000001").hasMessageNotContaining("Rij");
    }

    @Test
    void loadingAgainInsertsOnlyWhatIsMissing() throws Exception {
        assertThat(REGISTER.load(dataSource)).isZero();
        RegisterMigration.execute(dataSource,
                "DELETE FROM residents WHERE v_number BETWEEN '1000000101' AND '1000000110'");

        assertThat(REGISTER.load(dataSource)).isEqualTo(10);
        assertThat(RegisterMigration.count(dataSource, "residents")).isEqualTo(SyntheticRegister.SIZE);
        VNumber reloaded = new VNumber("1000000105");
        assertThat(new JdbcResidentDirectory(dataSource).read(List.of(reloaded), Set.copyOf(RegisterFields.ALL)))
                .containsExactly(Map.entry(reloaded, resident(reloaded).values()));
    }

    @Test
    void aLoaderThatLosesARaceLoadsTheRestAgain() throws Exception {
        RegisterMigration.execute(dataSource, "DELETE FROM residents");
        AtomicBoolean raced = new AtomicBoolean();
        // Another node inserts a resident after this loader has looked which ones are present.
        DataSource racing = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = method.invoke(dataSource, args);
                    if (!method.getName().equals("getConnection")) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("prepareStatement") && ((String) a[0]).startsWith("INSERT")
                                        && raced.compareAndSet(false, true)) {
                                    RegisterMigration.execute(dataSource,
                                            "INSERT INTO residents (v_number) VALUES ('1000001500')");
                                }
                                try {
                                    return m.invoke(connection, a);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });

        assertThat(REGISTER.load(racing)).isEqualTo(SyntheticRegister.SIZE - 1);
        assertThat(raced).isTrue();
        assertThat(RegisterMigration.count(dataSource, "residents")).isEqualTo(SyntheticRegister.SIZE);
    }

    @Test
    void twoLoadersAtOnceLeaveOneCopyOfEachResident() throws Exception {
        RegisterMigration.execute(dataSource, "DELETE FROM residents");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> load = () -> REGISTER.load(dataSource);
            List<Future<Integer>> results = pool.invokeAll(List.of(load, load), 60, TimeUnit.SECONDS);
            int inserted = 0;
            for (Future<Integer> result : results) {
                inserted += result.get();
            }
            assertThat(inserted).isEqualTo(SyntheticRegister.SIZE);
        } finally {
            pool.shutdownNow();
        }
        assertThat(RegisterMigration.count(dataSource, "residents")).isEqualTo(SyntheticRegister.SIZE);
    }
}
