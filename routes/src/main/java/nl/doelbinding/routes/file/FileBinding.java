package nl.doelbinding.routes.file;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One client's drop box: batches are dropped in {@code inbox}, decisions appear in {@code outbox}, a batch that
 * could not be processed moves to {@code failed} with its error file. The binding's name is also the idempotent
 * repository's processor name, so one batch name is processed once per binding.
 *
 * @param name the binding's name (letters, digits, {@code - _ .})
 * @param root the folder holding inbox, outbox and failed
 */
public record FileBinding(String name, Path root) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public FileBinding {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a file-drop binding name is 1 to 64 letters, digits, - _ or .");
        }
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public Path inbox() {
        return root.resolve("inbox");
    }

    public Path outbox() {
        return root.resolve("outbox");
    }

    public Path failed() {
        return root.resolve("failed");
    }

    /** The processor name under which this binding's processed batches are remembered. */
    public String processorName() {
        return "file-drop:" + name;
    }
}
