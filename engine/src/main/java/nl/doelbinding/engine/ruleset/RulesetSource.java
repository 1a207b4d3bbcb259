package nl.doelbinding.engine.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one ruleset folder, by relative path ({@code rules/special.dslr}), with line endings
 * normalised. Its SHA-256 over the canonical content identifies a version.
 */
public final class RulesetSource {
    private static final Pattern SAFE_PATH = Pattern.compile("([A-Za-z0-9_][A-Za-z0-9_.-]*/)*[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private final SortedMap<String, String> files;
    private final String sha256;

    private RulesetSource(SortedMap<String, String> files) {
        this.files = Collections.unmodifiableSortedMap(files);
        this.sha256 = canonicalSha256(this.files);
    }

    /** A ruleset from files given by relative path, as uploaded. */
    public static RulesetSource of(Map<String, String> files) {
        SortedMap<String, String> normalised = new TreeMap<>();
        files.forEach((path, text) -> {
            if (!SAFE_PATH.matcher(path).matches() || path.contains("..")) {
                throw new IllegalArgumentException("not a safe relative path in a ruleset: '" + path + "'");
            }
            normalised.put(path, text.replace("\r\n", "\n").replace('\r', '\n'));
        });
        return new RulesetSource(normalised);
    }

    /** Reads every regular, non-hidden file below {@code dir}. Works on zip file systems too. */
    public static RulesetSource fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a ruleset folder: " + dir);
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String relative = dir.relativize(p).toString().replace('\\', '/');
                if (Files.isRegularFile(p) && !isHidden(relative)) {
                    files.put(relative, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ruleset folder " + dir, e);
        }
        return of(files);
    }

    private static boolean isHidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    public SortedMap<String, String> files() {
        return files;
    }

    public Optional<String> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** The files in {@code folder} (recursively) whose name ends with {@code suffix}, by path. */
    public SortedMap<String, String> filesUnder(String folder, String suffix) {
        SortedMap<String, String> selected = new TreeMap<>();
        files.forEach((path, text) -> {
            if (path.startsWith(folder + "/") && path.endsWith(suffix)) {
                selected.put(path, text);
            }
        });
        return selected;
    }

    /** The SHA-256 (hex) of the canonical content: every file, in path order, as path NUL text NUL. */
    public String sha256() {
        return sha256;
    }

    private static String canonicalSha256(SortedMap<String, String> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((path, text) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
