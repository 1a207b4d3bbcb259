package nl.doelbinding.engine.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One canonical text for every JSON value, so that hashes over JSON do not depend on formatting.
 *
 * <p>Rules (see {@code docs/audit-chain.md}): no insignificant whitespace; object members sorted by key in
 * UTF-16 code-unit order ({@link String#compareTo}); duplicate keys rejected; strings escape only
 * {@code "}, {@code \} and U+0000..U+001F ({@code \b \t \n \f \r}, others as lower-case <code>&#92;u00xx</code>),
 * every other character is written as itself (UTF-8); numbers are written exactly: without exponent, without
 * trailing fractional zeros, an integral value without a fraction ({@code 1.50 -> 1.5}, {@code 1e3 -> 1000},
 * {@code 2.0 -> 2}, {@code -0 -> 0}); {@code true}, {@code false}, {@code null} as themselves.
 */
public final class CanonicalJson {
    /** Larger exponents are refused: their plain form would be absurdly long. */
    private static final int MAX_SCALE = 1000;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private CanonicalJson() {
    }

    /**
     * Parses strict JSON (duplicate keys and trailing content are errors).
     *
     * @throws IllegalArgumentException when the text is not one JSON value
     */
    public static JsonNode parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("JSON text is null");
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("JSON text is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the input, which can hold personal data: report only where it failed.
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException("not valid JSON" + (at == null ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    /** The canonical text of a JSON text. */
    public static String canonicalize(String json) {
        return write(parse(json));
    }

    /** The canonical text of a parsed JSON value. */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out);
        return out.toString();
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of the canonical form of a JSON text. */
    public static String sha256(String json) {
        return sha256Hex(canonicalize(json));
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of a string. */
    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** Appends {@code text} as a canonical JSON string literal. */
    public static void quote(String text, StringBuilder out) {
        out.append('"');
        int plain = 0; // start of the run of characters copied as they are, appended in one go
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch >= 0x20 && ch != '"' && ch != '\\' && !Character.isSurrogate(ch)) {
                continue;
            }
            out.append(text, plain, i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else if (Character.isHighSurrogate(ch)) {
                        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                            throw new IllegalArgumentException("unpaired surrogate in JSON string");
                        }
                        out.append(ch).append(text.charAt(++i));
                    } else {
                        throw new IllegalArgumentException("unpaired surrogate in JSON string");
                    }
                }
            }
            plain = i + 1;
        }
        out.append(text, plain, text.length());
        out.append('"');
    }

    /** A canonical JSON string literal. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        quote(text, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonNode element : node) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    write(element, out);
                }
                out.append(']');
            }
            case STRING -> quote(node.textValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            case BINARY, POJO, MISSING -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            sorted.put(member.getKey(), member.getValue());
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> member : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(member.getKey(), out);
            out.append(':');
            write(member.getValue(), out);
        }
        out.append('}');
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (!node.isBigDecimal()) {
            // Never reached with this mapper (floats parse as BigDecimal); refuse rather than guess.
            throw new IllegalArgumentException("inexact JSON number");
        }
        BigDecimal value = node.decimalValue().stripTrailingZeros();
        if (Math.abs((long) value.scale()) > MAX_SCALE) {
            throw new IllegalArgumentException("JSON number exponent out of range");
        }
        if (value.signum() == 0) {
            return "0";
        }
        return value.scale() <= 0 ? value.toBigIntegerExact().toString() : value.toPlainString();
    }
}
