package nl.doelbinding.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.doelbinding.engine.ruleset.RulesetSource;

/**
 * Where the baseline ruleset is: the working copy {@code rules/baseline} under the installation's home
 * (so a legal author's edits take effect), else the copy packaged in the rules jar.
 */
public final class RulesetLocation {
    /** The classpath folder the rules module packages the baseline into. */
    public static final String BASELINE_RESOURCE = "/doelbinding/rulesets/baseline";

    private RulesetLocation() {
    }

    /** The baseline's source, from the working copy if there is one, else from the classpath. */
    public static RulesetSource baseline() {
        String home = System.getProperty("doelbinding.home");
        if (home != null) {
            Path dir = Path.of(home, "rules", "baseline");
            if (Files.isDirectory(dir)) {
                return RulesetSource.fromDirectory(dir);
            }
        }
        return fromClasspath(BASELINE_RESOURCE);
    }

    /** A human-readable name for where the baseline came from. */
    public static String baselineDescription() {
        String home = System.getProperty("doelbinding.home");
        if (home != null && Files.isDirectory(Path.of(home, "rules", "baseline"))) {
            return Path.of(home, "rules", "baseline").toString();
        }
        return "classpath:" + BASELINE_RESOURCE;
    }

    static RulesetSource fromClasspath(String resource) {
        URL url = RulesetLocation.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("the baseline ruleset is not on the classpath: " + resource);
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return RulesetSource.fromDirectory(Path.of(uri));
            }
            try (FileSystem fs = newFileSystem(uri)) {
                return RulesetSource.fromDirectory(fs.provider().getPath(uri));
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileSystem newFileSystem(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            throw new IOException("the rules jar is already open", e);
        }
    }
}
