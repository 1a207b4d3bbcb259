package nl.doelbinding.server.audit;

import nl.doelbinding.engine.io.CanonicalJson;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The bytes an audit record's hash covers. Specified in {@code docs/audit-chain.md}; changing anything here
 * breaks every stored chain.
 *
 * <pre>
 * canonical(record) = {"seq":N,"recordedAt":"2026-11-28T15:43:00.123Z","type":"...","actor":"...",
 *                      "requestId":"..." | null,"payload":&lt;canonical JSON of the payload&gt;}
 * hash              = lower-case hex SHA-256( UTF-8( prev_hash || canonical(record) ) )
 * </pre>
 */
public final class AuditCanonicalForm {
    /** The previous hash of the first record. */
    public static final String GENESIS_HASH = "0".repeat(64);

    /** Always three fraction digits, always UTC ({@code Z}). */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern TIME_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private AuditCanonicalForm() {
    }

    /**
     * The canonical text of a time: UTC with exactly three fraction digits. Appended records always have
     * millisecond precision; a finer stored time (which only tampering produces) is written in full, so that it
     * changes the hash instead of being silently rounded away.
     */
    public static String formatTime(Instant instant) {
        return instant.getNano() % 1_000_000 == 0 ? TIME.format(instant) : instant.toString();
    }

    /** Parses a canonical time text; refuses any other form. */
    public static Instant parseTime(String text) {
        if (!TIME_TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("not a canonical audit time");
        }
        try {
            Instant instant = Instant.parse(text);
            if (!TIME.format(instant).equals(text)) {
                throw new IllegalArgumentException("not a canonical audit time");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a canonical audit time", e);
        }
    }

    /** True for 64 lower-case hex digits. */
    public static boolean isHash(String text) {
        return text != null && HASH.matcher(text).matches();
    }

    /**
     * The canonical record text, without the closing brace (the export line continues from here).
     *
     * @param canonicalPayload the payload already in canonical JSON
     */
    static StringBuilder open(long seq, String recordedAt, String type, String actor, String requestId,
                              String canonicalPayload) {
        StringBuilder out = new StringBuilder(canonicalPayload.length() + 160);
        out.append("{\"seq\":").append(seq);
        out.append(",\"recordedAt\":");
        CanonicalJson.quote(recordedAt, out);
        out.append(",\"type\":");
        CanonicalJson.quote(type, out);
        out.append(",\"actor\":");
        CanonicalJson.quote(actor, out);
        out.append(",\"requestId\":");
        if (requestId == null) {
            out.append("null");
        } else {
            CanonicalJson.quote(requestId, out);
        }
        out.append(",\"payload\":").append(canonicalPayload);
        return out;
    }

    /** The canonical record text that the hash covers. */
    public static String canonical(long seq, String recordedAt, String type, String actor, String requestId,
                                   String canonicalPayload) {
        return open(seq, recordedAt, type, actor, requestId, canonicalPayload).append('}').toString();
    }

    /** The record's hash: SHA-256 over the previous hash (64 hex characters) followed by the canonical record. */
    public static String hash(String prevHash, String canonicalRecord) {
        return CanonicalJson.sha256Hex(prevHash + canonicalRecord);
    }

    /** The hash of a record, from its parts. */
    public static String hash(String prevHash, long seq, String recordedAt, String type, String actor,
                              String requestId, String canonicalPayload) {
        return hash(prevHash, canonical(seq, recordedAt, type, actor, requestId, canonicalPayload));
    }
}
