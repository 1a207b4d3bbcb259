package nl.doelbinding.server.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import nl.doelbinding.engine.redaction.DerivedPseudonymKeys;

/** The pseudonym master key from a file; created (256 random bits, owner-only) when it does not exist. */
final class PseudonymKeyFile {
    private PseudonymKeyFile() {
    }

    static DerivedPseudonymKeys load(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, key);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own protection applies
            }
        }
        return new DerivedPseudonymKeys(Files.readAllBytes(file));
    }
}
