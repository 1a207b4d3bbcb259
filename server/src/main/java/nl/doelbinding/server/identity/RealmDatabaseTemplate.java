package nl.doelbinding.server.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A pristine Keycloak database (schema, master realm, the imported realm) made once per realm
 * file, kept in the cache folder, and copied for every run. Creating the schema and importing
 * take most of a start; a run from a copy starts about as fast as a restart and still begins
 * from a clean database. The folder name is a hash of the realm file, so an edited realm file
 * gets a new template instead of being silently skipped by Keycloak's import.
 */
final class RealmDatabaseTemplate {

    private static final String DATABASE = "keycloakdb";
    private static final String H2_SUFFIX = ".mv.db";
    private static final String COMPLETE_MARKER = "complete";

    private final Path dir;

    private RealmDatabaseTemplate(Path dir) {
        this.dir = dir;
    }

    static RealmDatabaseTemplate forRealm(Path home, Path realmFile) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(KeycloakServer.VERSION.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(realmFile));
            String name = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            return new RealmDatabaseTemplate(home.resolve("db-templates").resolve(name));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }

    boolean isComplete() {
        return Files.isRegularFile(dir.resolve(COMPLETE_MARKER)) && Files.isRegularFile(dir.resolve(DATABASE + H2_SUFFIX));
    }

    /** Empties the folder for a new template; returns the database path to give Keycloak. */
    Path prepare() throws IOException {
        KeycloakDistribution.deleteRecursively(dir);
        Files.createDirectories(dir);
        return dir.resolve(DATABASE);
    }

    /** Only after Keycloak stopped cleanly, so the H2 file is closed and consistent. */
    void markComplete() throws IOException {
        Files.writeString(dir.resolve(COMPLETE_MARKER), "made by a clean Keycloak stop\n");
    }

    /** Copies the template into {@code targetDir}; returns the database path to give Keycloak. */
    Path copyInto(Path targetDir) throws IOException {
        Files.createDirectories(targetDir);
        Files.copy(dir.resolve(DATABASE + H2_SUFFIX), targetDir.resolve(DATABASE + H2_SUFFIX), StandardCopyOption.REPLACE_EXISTING);
        return targetDir.resolve(DATABASE);
    }

    @Override
    public String toString() {
        return dir.toString();
    }
}
