package nl.doelbinding.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import nl.doelbinding.engine.ruleset.RulesetSource;

/** The baseline ruleset's files as the rules jar packages them ({@code doelbinding/rulesets/baseline/}). */
final class BaselineSource {
    static final String RESOURCE = "/doelbinding/rulesets/baseline";

    private BaselineSource() {
    }

    /** The baseline's files by relative path, in a mutable copy a generator may add to. */
    static Map<String, String> files() {
        URL url = BaselineSource.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("the baseline ruleset is not on the classpath: " + RESOURCE);
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return new TreeMap<>(RulesetSource.fromDirectory(Path.of(uri)).files());
            }
            try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                return new TreeMap<>(RulesetSource.fromDirectory(fs.provider().getPath(uri)).files());
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
