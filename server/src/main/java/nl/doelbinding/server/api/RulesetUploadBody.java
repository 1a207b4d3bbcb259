package nl.doelbinding.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.doelbinding.engine.io.CanonicalJson;
import nl.doelbinding.engine.io.ValidationError;
import nl.doelbinding.engine.ruleset.RulesetSource;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;

/**
 * An uploaded ruleset: JSON {@code {"comment": "...", "files": {"rules/x.dslr": "text", ...}}}, or a zip of the
 * folder ({@code application/zip}; a single top-level folder holding {@code ruleset.yaml} is stripped; hidden
 * files are left out; the comment then comes from the {@code comment} query parameter).
 *
 * @param comment the author's comment
 * @param source  the files
 */
record RulesetUploadBody(Optional<String> comment, RulesetSource source) {
    /** The most a zipped ruleset may unpack to, all files together (the baseline folder is about 160 kB). */
    static final int MAX_UNPACKED_BYTES = 16 * 1024 * 1024;

    static RulesetUploadBody read(byte[] body, String contentType, Optional<String> commentParameter) {
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/zip")) {
            return new RulesetUploadBody(commentParameter, source(unzip(body)));
        }
        JsonNode json;
        try {
            json = CanonicalJson.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw invalid("$", "the upload is " + e.getMessage());
        }
        JsonNode files = json.path("files");
        if (!files.isObject() || files.isEmpty()) {
            throw invalid("files", "must be an object from relative path to file text, holding every file");
        }
        Map<String, String> texts = new TreeMap<>();
        for (var it = files.fields(); it.hasNext(); ) {
            var entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw invalid("files." + entry.getKey(), "must be the file's text");
            }
            texts.put(entry.getKey(), entry.getValue().textValue());
        }
        JsonNode comment = json.path("comment");
        return new RulesetUploadBody(comment.isTextual() && !comment.asText().isBlank()
                ? Optional.of(comment.asText()) : commentParameter, source(texts));
    }

    private static RulesetSource source(Map<String, String> files) {
        if (!files.containsKey("ruleset.yaml")) {
            throw invalid("files", "a ruleset folder has a ruleset.yaml at its top");
        }
        try {
            return RulesetSource.of(files);
        } catch (IllegalArgumentException e) {
            throw invalid("files", e.getMessage());
        }
    }

    private static Map<String, String> unzip(byte[] body) {
        Map<String, String> files = new TreeMap<>();
        int budget = MAX_UNPACKED_BYTES;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory() || name.startsWith(".") || name.contains("/.")) {
                    continue;
                }
                // Read no further than the budget: a small zip can unpack to gigabytes.
                byte[] bytes = zip.readNBytes(budget + 1);
                budget -= bytes.length;
                if (budget < 0) {
                    throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the ruleset upload unpacks to more than "
                            + MAX_UNPACKED_BYTES / (1024 * 1024) + " MiB of files");
                }
                files.put(name, utf8(bytes, name));
            }
        } catch (IOException e) {
            throw invalid("$", "the upload is not a readable zip file");
        }
        if (files.isEmpty()) {
            throw invalid("$", "the zip file holds no files");
        }
        String first = files.keySet().iterator().next();
        int slash = first.indexOf('/');
        if (!files.containsKey("ruleset.yaml") && slash > 0) {
            String top = first.substring(0, slash + 1);
            if (files.keySet().stream().allMatch(p -> p.startsWith(top))) {
                Map<String, String> stripped = new TreeMap<>();
                files.forEach((p, t) -> stripped.put(p.substring(top.length()), t));
                return stripped;
            }
        }
        return files;
    }

    private static String utf8(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("files." + name, "is not UTF-8 text");
        }
    }

    private static ProblemException invalid(String property, String message) {
        return new ProblemException(ProblemType.INVALID_REQUEST, "the ruleset upload is not valid: " + message,
                List.of(new ValidationError(property, message)));
    }
}
