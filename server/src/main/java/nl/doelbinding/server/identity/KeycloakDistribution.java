package nl.doelbinding.server.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unzipped Keycloak server distribution in a cache folder outside the work tree. Unzipped
 * once, under a file lock so two builds on one machine do not unzip into each other, into a
 * temporary sibling that is renamed into place only when complete.
 */
final class KeycloakDistribution {

    private static final Logger LOG = LoggerFactory.getLogger(KeycloakDistribution.class);
    private static final String COMPLETE_MARKER = ".doelbinding-unzipped";

    private KeycloakDistribution() {
    }

    /**
     * Makes sure {@code home} holds the distribution from {@code zip}.
     *
     * @return true when it was unzipped now, false when an earlier unzip was reused
     */
    @SuppressWarnings("try") // the lock is held for the block, never used in it
    static boolean ensureUnzipped(Path zip, Path home) throws IOException {
        if (isComplete(home)) {
            return false;
        }
        Path parent = home.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (FileChannel lockFile = FileChannel.open(parent.resolve(home.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.lock()) {
            if (isComplete(home)) {
                return false;
            }
            if (!Files.isRegularFile(zip)) {
                throw new IOException("Keycloak distribution not found: " + zip
                        + " (mvn dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:26.7.3:zip -Dtransitive=false)");
            }
            LOG.info("Unzipping {} into {}", zip, home);
            deleteRecursively(home);    // a half-made folder from an interrupted run
            Path partial = Files.createTempDirectory(parent, home.getFileName() + ".partial-");
            try {
                unzipStrippingTopFolder(zip, partial);
                try (Stream<Path> scripts = Files.list(partial.resolve("bin"))) {
                    for (Path script : (Iterable<Path>) scripts::iterator) {
                        if (script.toString().endsWith(".sh")) {
                            script.toFile().setExecutable(true, false);
                        }
                    }
                }
                Files.writeString(partial.resolve(COMPLETE_MARKER), zip.getFileName().toString());
                Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteRecursively(partial);
            }
            return true;
        }
    }

    private static boolean isComplete(Path home) {
        return Files.isRegularFile(home.resolve(COMPLETE_MARKER)) && Files.isRegularFile(home.resolve("bin/kc.sh"));
    }

    private static void unzipStrippingTopFolder(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;   // the top folder itself, "keycloak-26.7.3/"
                }
                Path out = root.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("zip entry outside the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
