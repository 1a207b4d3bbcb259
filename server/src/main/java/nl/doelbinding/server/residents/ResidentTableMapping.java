package nl.doelbinding.server.residents;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.doelbinding.engine.model.FieldName;

/**
 * Where the resident register lives in a database: the table, its key column (the V-number), and the
 * column of each field it holds. Comes from configuration, so every name is checked to be a plain SQL
 * identifier before it can reach a statement: letters, digits and underscores, not starting with a digit,
 * at most 63 characters (PostgreSQL's limit), optionally {@code schema.table} for the table.
 * Names are used unquoted, so the database folds their case as it did when the table was created unquoted.
 *
 * @param table     the table, {@code name} or {@code schema.name}
 * @param keyColumn the column holding the ten-digit V-number
 * @param columns   the column of each field the register holds; a field not in here is never read
 */
public record ResidentTableMapping(String table, String keyColumn, Map<FieldName, String> columns) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public ResidentTableMapping {
        requireTable(table);
        requireIdentifier(keyColumn, "key column");
        Objects.requireNonNull(columns, "columns");
        Map<FieldName, String> copy = new LinkedHashMap<>();
        columns.forEach((field, column) -> {
            Objects.requireNonNull(field, "field");
            copy.put(field, requireIdentifier(column, "column of field " + field));
        });
        columns = Collections.unmodifiableMap(copy);
    }

    /** The {@code residents} table of {@code V2__residents.sql}: every baseline field in a column of the same name. */
    public static ResidentTableMapping defaults() {
        Map<FieldName, String> columns = new LinkedHashMap<>();
        RegisterFields.ALL.forEach(field -> columns.put(field, field.value()));
        return new ResidentTableMapping(RegisterFields.TABLE, RegisterFields.KEY_COLUMN, columns);
    }

    /**
     * A mapping from configuration: every baseline field in a column of the same name, except where
     * {@code columnsByField} (field code to column name) says otherwise. It may add fields; a blank column
     * name says the register does not hold that field.
     */
    public static ResidentTableMapping fromConfig(String table, String keyColumn, Map<String, String> columnsByField) {
        Map<FieldName, String> columns = new LinkedHashMap<>(defaults().columns());
        columnsByField.forEach((field, column) -> {
            FieldName name = new FieldName(field);
            if (column == null || column.isBlank()) {
                columns.remove(name);
            } else {
                columns.put(name, column);
            }
        });
        return new ResidentTableMapping(table, keyColumn, columns);
    }

    /** The column holding {@code field}, if the register holds it. */
    public Optional<String> columnOf(FieldName field) {
        return Optional.ofNullable(columns.get(field));
    }

    /** This mapping with {@code field} read from {@code column}. */
    public ResidentTableMapping withColumn(FieldName field, String column) {
        Map<FieldName, String> changed = new LinkedHashMap<>(columns);
        changed.put(field, column);
        return new ResidentTableMapping(table, keyColumn, changed);
    }

    /** This mapping without {@code field}: for a holder whose register does not have it. */
    public ResidentTableMapping withoutField(FieldName field) {
        Map<FieldName, String> changed = new LinkedHashMap<>(columns);
        changed.remove(field);
        return new ResidentTableMapping(table, keyColumn, changed);
    }

    private static void requireTable(String table) {
        Objects.requireNonNull(table, "table");
        String[] parts = table.split("\\.", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("table must be 'name' or 'schema.name': " + quoted(table));
        }
        for (String part : parts) {
            requireIdentifier(part, "table");
        }
    }

    private static String requireIdentifier(String name, String what) {
        Objects.requireNonNull(name, what);
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be a plain SQL identifier (letters, digits, '_', "
                    + "not starting with a digit, at most 63 characters): " + quoted(name));
        }
        return name;
    }

    /** Shows a rejected name safely (it comes from configuration, not from a resident). */
    private static String quoted(String name) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
        return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
