package nl.doelbinding.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Collects scenario files from paths given on the command line: files, or folders searched recursively. */
final class ScenarioFiles {
    private ScenarioFiles() {
    }

    static SortedMap<String, String> read(List<Path> paths) {
        SortedMap<String, String> files = new TreeMap<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new UncheckedIOException(new NoSuchFileException(path.toString(), null, "no such file or folder"));
            }
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    String name = p.getFileName().toString();
                    if (Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                        files.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
