package nl.doelbinding.server.residents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import nl.doelbinding.engine.model.FieldName;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The register contract on an H2 file database in a temporary folder (the embedded default). */
class JdbcResidentDirectoryH2Test extends ResidentRegisterContract {
    @TempDir
    Path folder;

    private JdbcConnectionPool pool;

    @Override
    DataSource freshDatabase() {
        pool = JdbcConnectionPool.create("jdbc:h2:file:" + folder.resolve("register").toAbsolutePath(), "sa", "");
        return pool;
    }

    @AfterEach
    void closeDatabase() {
        pool.dispose();
    }

    @Test
    void loadsTheStandardRegisterWellWithinASecondOrTwo() throws Exception {
        RegisterMigration.execute(dataSource, "DELETE FROM residents");
        long start = System.nanoTime();

        int inserted = REGISTER.load(dataSource);

        // Generous for a cold JVM on a two-core machine; a row-by-row commit takes far longer.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(inserted).isEqualTo(SyntheticRegister.SIZE);
    }

    @Test
    void logsNeitherValuesNorVNumbers() throws Exception {
        StringWriter captured = new StringWriter();
        String logger = JdbcResidentDirectory.class.getPackageName();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        WriterAppender appender = WriterAppender.newBuilder().setName("register-capture").setTarget(captured)
                .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build()).build();
        appender.start();
        LoggerConfig loggerConfig = new LoggerConfig(logger, Level.DEBUG, false);
        loggerConfig.addAppender(appender, Level.DEBUG, null);
        configuration.addLogger(logger, loggerConfig);
        context.updateLoggers();
        try {
            RegisterMigration.execute(dataSource, "DELETE FROM residents WHERE v_number > '1000001000'");
            REGISTER.load(dataSource);
            new JdbcResidentDirectory(dataSource, ResidentTableMapping.defaults().withoutField(RegisterFields.PHOTO))
                    .read(REGISTER.residents().stream().map(SyntheticResident::vNumber).toList(),
                            Set.copyOf(RegisterFields.ALL));
        } finally {
            configuration.removeLogger(logger);
            context.updateLoggers();
            appender.stop();
        }

        String log = captured.toString();
        assertThat(log).as("the adapter logs at debug level, so this test sees its messages")
                .contains("residents");
        List<FieldName> revealing = List.of(RegisterFields.NAME, RegisterFields.V_NUMBER, RegisterFields.PHONE,
                RegisterFields.DATE_OF_BIRTH, RegisterFields.INCIDENT_REPORTS, RegisterFields.FAMILY_COMPOSITION);
        REGISTER.residents().stream()
                .flatMap(resident -> revealing.stream().map(resident::value))
                .filter(value -> !value.isEmpty())
                .forEach(value -> assertThat(log).doesNotContain(value));
    }
}
