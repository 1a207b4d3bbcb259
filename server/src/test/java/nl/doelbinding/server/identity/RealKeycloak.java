package nl.doelbinding.server.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one real Keycloak per test JVM, started by the first test class that uses
 * it, shared by every later one, and stopped when the JVM's test run ends. Inject it as a
 * {@link KeycloakServer} parameter, or call {@link #server()} from a class annotated
 * {@code @ExtendWith(RealKeycloak.class)}.
 *
 * <p>Failsafe passes {@code doelbinding.keycloak.dist} (the zip, resolved by Maven),
 * {@code doelbinding.keycloak.realm} and {@code doelbinding.keycloak.log};
 * {@code doelbinding.keycloak.home} overrides the cache folder.
 */
public final class RealKeycloak implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealKeycloak.class);
    private static volatile KeycloakServer current;

    /** Held in the root store, which closes it when the whole test plan has run. */
    private static final class Running implements AutoCloseable {
        final KeycloakServer server;

        Running(KeycloakServer server) {
            this.server = server;
        }

        @Override
        public void close() {
            current = null;
            server.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KeycloakServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return start(context);
    }

    /** The running Keycloak; only valid inside a test class that uses this extension. */
    public static KeycloakServer server() {
        KeycloakServer server = current;
        if (server == null) {
            throw new IllegalStateException("no Keycloak: annotate the test class with @ExtendWith(RealKeycloak.class)");
        }
        return server;
    }

    private static KeycloakServer start(ExtensionContext context) {
        Running running = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> new Running(launch()), Running.class);
        current = running.server;
        return running.server;
    }

    private static KeycloakServer launch() {
        Path dist = Path.of(required("doelbinding.keycloak.dist"));
        Path realm = Path.of(required("doelbinding.keycloak.realm"));
        KeycloakServer.Settings settings = KeycloakServer.Settings.of(dist, realm).withFreePorts();
        String home = System.getProperty("doelbinding.keycloak.home");
        if (home != null) {
            settings = settings.withHome(Path.of(home));
        }
        String log = System.getProperty("doelbinding.keycloak.log");
        if (log != null) {
            settings = settings.withLogFile(Path.of(log));
        }
        try {
            return KeycloakServer.start(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (run through Maven failsafe)");
        }
        return value;
    }
}
