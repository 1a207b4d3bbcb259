package nl.doelbinding.server.residents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import nl.doelbinding.engine.model.FieldName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deterministic register of invented residents for the embedded default database, demos and tests:
 * the same seed and size give the same residents on every machine and every run. V-numbers run from
 * {@value #FIRST_V_NUMBER} upwards; locations are spread evenly over the 20 reception locations.
 * No real person is in it: names combine given names with invented family names.
 */
public final class SyntheticRegister {
    public static final long SEED = 20_261_128L;
    public static final int SIZE = 2_000;
    public static final long FIRST_V_NUMBER = 1_000_000_001L;
    /** The day the register describes: every date in it lies on or before this day. */
    public static final LocalDate REGISTER_DATE = LocalDate.of(2026, 11, 28);

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticRegister.class);
    private static final int INSERT_BATCH = 500;
    private static final String UNIQUE_VIOLATION = "23505"; // SQLState on H2 and PostgreSQL

    private final int size;
    private final List<SyntheticResident> residents;

    /** The standard register: {@value #SIZE} residents from {@value #SEED}. */
    public SyntheticRegister() {
        this(SEED, SIZE);
    }

    public SyntheticRegister(long seed, int size) {
        if (size < 0 || FIRST_V_NUMBER + size - 1 > 9_999_999_999L) {
            throw new IllegalArgumentException("size out of range: " + size);
        }
        this.size = size;
        SyntheticResidentGenerator generator = new SyntheticResidentGenerator(seed, FIRST_V_NUMBER, REGISTER_DATE);
        this.residents = IntStream.range(0, size).mapToObj(generator::resident).toList();
    }

    /** The residents, in V-number order. */
    public List<SyntheticResident> residents() {
        return residents;
    }

    /**
     * Inserts the residents that are not yet in the {@code residents} table ({@code V2__residents.sql}), in
     * batches and one transaction. Loading twice, or on two nodes at once, leaves one copy of each.
     *
     * @return the number of rows inserted: 0 when the register was already loaded
     */
    public int load(DataSource dataSource) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return load(connection);
            } catch (SQLException e) {
                if (isUniqueViolation(e) && attempt < 3) {
                    LOG.info("another loader inserted synthetic residents concurrently; loading the rest again");
                    continue;
                }
                throw new ResidentRegisterException("loading the synthetic register failed (SQLState "
                        + e.getSQLState() + ")", e);
            }
        }
    }

    /** Batch exceptions wrap the statement's own error; look through the chain for the key violation. */
    private static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
                if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private int load(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Set<String> present = present(connection);
            List<SyntheticResident> missing = new ArrayList<>();
            for (SyntheticResident resident : residents) {
                if (!present.contains(resident.vNumber().value())) {
                    missing.add(resident);
                }
            }
            insert(connection, missing);
            connection.commit();
            LOG.info("synthetic register: {} residents inserted, {} already present", missing.size(),
                    size - missing.size());
            return missing.size();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private Set<String> present(Connection connection) throws SQLException {
        Set<String> present = new HashSet<>();
        if (size == 0) {
            return present;
        }
        // V-numbers are ten digits, so comparing them as strings orders them as numbers.
        String sql = "SELECT " + RegisterFields.KEY_COLUMN + " FROM " + RegisterFields.TABLE
                + " WHERE " + RegisterFields.KEY_COLUMN + " BETWEEN ? AND ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, residents.get(0).vNumber().value());
            statement.setString(2, residents.get(size - 1).vNumber().value());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    present.add(rows.getString(1));
                }
            }
        }
        return present;
    }

    private static void insert(Connection connection, List<SyntheticResident> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<FieldName> fields = RegisterFields.ALL;
        String sql = "INSERT INTO " + RegisterFields.TABLE + " ("
                + String.join(", ", fields.stream().map(FieldName::value).toList())
                + ") VALUES (" + String.join(", ", Collections.nCopies(fields.size(), "?")) + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (SyntheticResident resident : rows) {
                for (int i = 0; i < fields.size(); i++) {
                    statement.setString(i + 1, resident.value(fields.get(i)));
                }
                statement.addBatch();
                if (++pending == INSERT_BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }
}
