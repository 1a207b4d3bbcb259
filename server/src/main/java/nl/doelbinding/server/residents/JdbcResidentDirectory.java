package nl.doelbinding.server.residents;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.VNumber;
import nl.doelbinding.engine.port.ResidentDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads residents' fields from a table over JDBC: the synthetic register in the embedded database, or the
 * holder's own register through a {@link ResidentTableMapping} from configuration.
 *
 * <p>One prepared statement per batch of at most {@code batchSize} V-numbers, selecting only the columns of
 * the fields asked for. A field the mapping does not hold, and a NULL column, are absent from a resident's
 * map; a V-number without a row is absent from the result. Logs counts only, never values or V-numbers.
 * Immutable and thread-safe; every call borrows one connection from the data source.
 */
public final class JdbcResidentDirectory implements ResidentDirectory {
    /** Keeps IN lists well below every driver's parameter limit (PostgreSQL: 65535). */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private static final Logger LOG = LoggerFactory.getLogger(JdbcResidentDirectory.class);

    private final DataSource dataSource;
    private final ResidentTableMapping mapping;
    private final int batchSize;

    /** The {@code residents} table of {@code V2__residents.sql}. */
    public JdbcResidentDirectory(DataSource dataSource) {
        this(dataSource, ResidentTableMapping.defaults());
    }

    public JdbcResidentDirectory(DataSource dataSource, ResidentTableMapping mapping) {
        this(dataSource, mapping, DEFAULT_BATCH_SIZE);
    }

    public JdbcResidentDirectory(DataSource dataSource, ResidentTableMapping mapping, int batchSize) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must be 1..10000, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    @Override
    public Map<VNumber, Map<FieldName, String>> read(Collection<VNumber> residents, Set<FieldName> fields) {
        Objects.requireNonNull(residents, "residents");
        Objects.requireNonNull(fields, "fields");
        List<VNumber> wanted = List.copyOf(new TreeSet<>(residents));
        if (wanted.isEmpty()) {
            return Map.of();
        }
        List<FieldName> readable = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (FieldName field : new TreeSet<>(fields)) {
            mapping.columnOf(field).ifPresentOrElse(column -> {
                readable.add(field);
                columns.add(column);
            }, () -> LOG.debug("field {} is not in the register mapping; left out", field));
        }
        Map<VNumber, Map<FieldName, String>> result = new TreeMap<>();
        int batches = 0;
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < wanted.size(); from += batchSize) {
                List<VNumber> batch = wanted.subList(from, Math.min(from + batchSize, wanted.size()));
                readBatch(connection, batch, readable, columns, result);
                batches++;
            }
        } catch (SQLException e) {
            throw new ResidentRegisterException("reading " + wanted.size() + " residents from the register failed"
                    + " (SQLState " + e.getSQLState() + ")", e);
        }
        LOG.debug("read {} fields of {} residents in {} batches; {} found", readable.size(), wanted.size(),
                batches, result.size());
        return Collections.unmodifiableMap(result);
    }

    @Override
    public OptionalLong residentsAt(String location) {
        Optional<String> column = mapping.columnOf(LOCATION);
        if (column.isEmpty()) {
            return OptionalLong.empty();
        }
        String sql = "SELECT COUNT(*) FROM " + mapping.table() + " WHERE " + column.get() + " = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, location);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return OptionalLong.of(rows.getLong(1));
            }
        } catch (SQLException e) {
            throw new ResidentRegisterException("counting the residents of a location in the register failed"
                    + " (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /**
     * Runs a query that returns no rows but names the table, the key column and every mapped column, so a
     * wrong configuration fails at start-up rather than at the first release.
     */
    public void verifySchema() {
        List<String> columns = new ArrayList<>(mapping.columns().values());
        String sql = "SELECT " + String.join(", ", prepend(mapping.keyColumn(), columns))
                + " FROM " + mapping.table() + " WHERE 1 = 0";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet ignored = statement.executeQuery()) {
            LOG.debug("register table {} has the key column and {} mapped columns", mapping.table(), columns.size());
        } catch (SQLException e) {
            throw new ResidentRegisterException("the register table " + mapping.table()
                    + " does not match the configured mapping: " + e.getMessage(), e);
        }
    }

    private void readBatch(Connection connection, List<VNumber> batch, List<FieldName> fields, List<String> columns,
                           Map<VNumber, Map<FieldName, String>> result) throws SQLException {
        Map<String, VNumber> byKey = new HashMap<>();
        batch.forEach(v -> byKey.put(v.value(), v));
        // One array parameter instead of an IN list of batch.size() markers: the statement's text then depends on
        // the fields only, so the database parses it once per connection instead of once per subject count.
        String sql = "SELECT " + String.join(", ", prepend(mapping.keyColumn(), columns))
                + " FROM " + mapping.table()
                + " WHERE " + mapping.keyColumn() + " = ANY (?)";
        Array keys = connection.createArrayOf("VARCHAR", batch.stream().map(VNumber::value).toArray());
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, keys);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    VNumber resident = byKey.get(rows.getString(1));
                    if (resident == null) {
                        continue; // only what was asked for, even if the database compares loosely
                    }
                    Map<FieldName, String> values = new LinkedHashMap<>();
                    for (int i = 0; i < fields.size(); i++) {
                        String value = rows.getString(i + 2);
                        if (value != null) {
                            values.put(fields.get(i), value);
                        }
                    }
                    if (result.putIfAbsent(resident, Collections.unmodifiableMap(values)) != null) {
                        // Two rows for one V-number could mix two people's data: refuse rather than guess.
                        throw new ResidentRegisterException("the register holds more than one row for a requested"
                                + " V-number; its key column " + mapping.keyColumn() + " is not unique");
                    }
                }
            }
        } finally {
            keys.free();
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
