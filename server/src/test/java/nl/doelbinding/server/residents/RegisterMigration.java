package nl.doelbinding.server.residents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Runs {@code V2__residents.sql} as it ships, without Flyway and without the other migrations, so these
 * tests prove the script itself runs unchanged on H2 and PostgreSQL.
 */
final class RegisterMigration {
    static final String SCRIPT = "db/migration/V2__residents.sql";

    private RegisterMigration() {
    }

    static void apply(DataSource dataSource) throws SQLException {
        String script;
        try (InputStream in = RegisterMigration.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the classpath");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String withoutComments = script.lines().map(line -> line.replaceFirst("--.*$", ""))
                .collect(Collectors.joining("\n"));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : Arrays.stream(withoutComments.split(";")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList()) {
                statement.execute(sql);
            }
        }
    }

    static int count(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
