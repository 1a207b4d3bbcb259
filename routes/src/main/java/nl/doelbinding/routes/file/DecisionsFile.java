package nl.doelbinding.routes.file;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The decisions file of one batch, {@code <batch name>.decisions.json} in the outbox:
 * {@code { "batch": "<file>", "decisions": [ ... ] }}, one decision document per request in batch order, each
 * exactly what the HTTP channel answers. Written as a hidden part file and renamed when complete, so a reader
 * never sees half a file; a part file left by a crash is overwritten when the batch is processed again.
 */
final class DecisionsFile implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    private final Path part;
    private final Path target;
    private final JsonGenerator out;
    private boolean committed;

    private DecisionsFile(Path part, Path target, JsonGenerator out) {
        this.part = part;
        this.target = target;
        this.out = out;
    }

    static DecisionsFile open(Path outbox, String batchFile) throws IOException {
        Files.createDirectories(outbox);
        String name = BatchName.of(batchFile) + ".decisions.json";
        Path part = outbox.resolve("." + name + ".part");
        JsonGenerator out = JSON.createGenerator(part.toFile(), JsonEncoding.UTF8).useDefaultPrettyPrinter();
        out.writeStartObject();
        out.writeStringField("batch", batchFile);
        out.writeArrayFieldStart("decisions");
        return new DecisionsFile(part, outbox.resolve(name), out);
    }

    void add(String decisionJson) throws IOException {
        out.writeRawValue(decisionJson);
    }

    /** Completes the file and makes it visible under its name. */
    Path commit() throws IOException {
        out.writeEndArray();
        out.writeEndObject();
        out.close();
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
        return target;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            out.close();
            Files.deleteIfExists(part);
        }
    }
}
