package nl.doelbinding.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doelbinding.engine.io.CanonicalJson;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;

/**
 * Verifies an audit export (JSON lines, see {@code docs/audit-chain.md}) without a database: backs
 * {@code bin/doelbinding audit verify FILE}.
 *
 * <p>Each line must be exactly the canonical export line of the record it holds (so any changed byte is
 * noticed, even one that leaves the JSON meaning intact), follow its predecessor's seq by one, carry its
 * predecessor's hash as prevHash (64 zeros for seq 1), and hash to its stated hash. A file that starts later in
 * the chain is anchored at its first line's prevHash. Records cut off the end of the file cannot be noticed from
 * the file alone: compare the reported head hash with the live chain's.
 */
public final class AuditExportVerifier {
    /** A line longer than this is refused rather than read into memory. */
    private static final int MAX_LINE_BYTES = 64 * 1024 * 1024;
    private static final List<String> FIELDS =
            List.of("seq", "recordedAt", "type", "actor", "requestId", "payload", "prevHash", "hash");

    /** Verifies an export file. */
    public ExportVerification verify(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return verify(in);
        }
    }

    /** Verifies an export read from a stream (not closed). */
    public ExportVerification verify(InputStream input) throws IOException {
        InputStream in = new BufferedInputStream(input);
        ByteArrayOutputStream lineBytes = new ByteArrayOutputStream();
        long lineNo = 0;
        long firstSeq = 0;
        long prevSeq = 0;
        String prevHash = null;
        while (true) {
            lineBytes.reset();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (lineBytes.size() >= MAX_LINE_BYTES) {
                    return new ExportVerification.Broken(lineNo + 1, -1, BreakReason.MALFORMED, "line too long");
                }
                lineBytes.write(b);
            }
            if (b == -1 && lineBytes.size() == 0) {
                break;
            }
            lineNo++;
            if (b == -1) {
                return new ExportVerification.Broken(lineNo, -1, BreakReason.MALFORMED,
                        "the last line is not terminated by a line feed (file cut off?)");
            }
            Parsed parsed;
            try {
                parsed = parse(lineBytes.toByteArray());
            } catch (IllegalArgumentException e) {
                return new ExportVerification.Broken(lineNo, -1, BreakReason.MALFORMED, e.getMessage());
            }
            AuditRecord r = parsed.record();
            if (!parsed.text().equals(r.exportLine())) {
                return new ExportVerification.Broken(lineNo, r.seq(), BreakReason.NOT_CANONICAL,
                        "the line is not the canonical export form of its record");
            }
            if (prevHash == null) {
                firstSeq = r.seq();
                if (r.seq() == 1 && !r.prevHash().equals(AuditCanonicalForm.GENESIS_HASH)) {
                    return new ExportVerification.Broken(lineNo, r.seq(), BreakReason.PREV_HASH_MISMATCH,
                            "the first record of the chain must have 64 zeros as previous hash");
                }
            } else {
                if (r.seq() != prevSeq + 1) {
                    return new ExportVerification.Broken(lineNo, r.seq(), BreakReason.GAP,
                            "expected seq " + (prevSeq + 1));
                }
                if (!r.prevHash().equals(prevHash)) {
                    return new ExportVerification.Broken(lineNo, r.seq(), BreakReason.PREV_HASH_MISMATCH,
                            "prevHash is not the hash of the line before");
                }
            }
            if (!r.computeHash().equals(r.hash())) {
                return new ExportVerification.Broken(lineNo, r.seq(), BreakReason.HASH_MISMATCH,
                        "the record does not hash to its stated hash");
            }
            prevSeq = r.seq();
            prevHash = r.hash();
        }
        if (lineNo == 0) {
            return new ExportVerification.Ok(0, 0, 0, AuditCanonicalForm.GENESIS_HASH, true);
        }
        return new ExportVerification.Ok(lineNo, firstSeq, prevSeq, prevHash, firstSeq == 1);
    }

    private record Parsed(String text, AuditRecord record) {
    }

    private static Parsed parse(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not valid UTF-8", e);
        }
        JsonNode node = CanonicalJson.parse(text);
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (node.size() != FIELDS.size()) {
            throw new IllegalArgumentException("expected exactly the members " + FIELDS);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unexpected member '" + name + "'");
            }
        }
        JsonNode seq = node.get("seq");
        if (!seq.isIntegralNumber() || !seq.canConvertToLong() || seq.longValue() < 1) {
            throw new IllegalArgumentException("seq is not a positive integer");
        }
        JsonNode requestId = node.get("requestId");
        if (!requestId.isNull() && !requestId.isTextual()) {
            throw new IllegalArgumentException("requestId is neither a string nor null");
        }
        if (!node.get("payload").isObject()) {
            throw new IllegalArgumentException("payload is not a JSON object");
        }
        String prevHash = text(node, "prevHash");
        String hash = text(node, "hash");
        if (!AuditCanonicalForm.isHash(prevHash) || !AuditCanonicalForm.isHash(hash)) {
            throw new IllegalArgumentException("prevHash and hash must be 64 lower-case hex digits");
        }
        Instant recordedAt = AuditCanonicalForm.parseTime(text(node, "recordedAt"));
        AuditRecord record = new AuditRecord(seq.longValue(), recordedAt, text(node, "type"), text(node, "actor"),
                requestId.isNull() ? null : requestId.textValue(), CanonicalJson.write(node.get("payload")), prevHash,
                hash);
        return new Parsed(text, record);
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (!value.isTextual()) {
            throw new IllegalArgumentException(member + " is not a string");
        }
        return value.textValue();
    }
}
