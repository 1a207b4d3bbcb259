package nl.doelbinding.server.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline verifier on hand-built exports (no database). */
class AuditExportVerifierTest {
    final AuditExportVerifier verifier = new AuditExportVerifier();

    /** A valid chain of {@code n} records starting at seq {@code first} after {@code prev}. */
    static List<AuditRecord> chain(long first, String prev, int n) {
        List<AuditRecord> records = new ArrayList<>();
        for (long seq = first; seq < first + n; seq++) {
            Instant at = Instant.parse("2026-11-28T15:43:00Z").plusSeconds(seq);
            String payload = "{\"n\":" + seq + ",\"who\":\"Zoë\"}";
            String hash = AuditCanonicalForm.hash(prev, seq, AuditCanonicalForm.formatTime(at), "DECISION_MADE",
                    "officer-1", seq % 2 == 0 ? null : "POL-" + seq, payload);
            records.add(new AuditRecord(seq, at, "DECISION_MADE", "officer-1", seq % 2 == 0 ? null : "POL-" + seq,
                    payload, prev, hash));
            prev = hash;
        }
        return records;
    }

    static String lines(List<AuditRecord> records) {
        StringBuilder out = new StringBuilder();
        records.forEach(r -> out.append(r.exportLine()).append('\n'));
        return out.toString();
    }

    ExportVerification verify(String text) throws IOException {
        return verify(text.getBytes(StandardCharsets.UTF_8));
    }

    ExportVerification verify(byte[] bytes) throws IOException {
        return verifier.verify(new ByteArrayInputStream(bytes));
    }

    @Test
    void aWholeChainVerifies(@TempDir Path dir) throws IOException {
        List<AuditRecord> records = chain(1, AuditCanonicalForm.GENESIS_HASH, 4);
        Path file = dir.resolve("audit.ndjson");
        Files.writeString(file, lines(records));

        ExportVerification result = verifier.verify(file);

        assertThat(result).isEqualTo(new ExportVerification.Ok(4, 1, 4, records.get(3).hash(), true));
        assertThat(result.describe()).startsWith("OK: 4 records, seq 1..4 (from the start of the chain)");
    }

    @Test
    void anEmptyExportHasNoRecords() throws IOException {
        assertThat(verify("")).isEqualTo(new ExportVerification.Ok(0, 0, 0, AuditCanonicalForm.GENESIS_HASH, true));
    }

    @Test
    void aPartOfTheChainIsAnchoredAtItsFirstPrevHash() throws IOException {
        List<AuditRecord> records = chain(1, AuditCanonicalForm.GENESIS_HASH, 6);

        assertThat(verify(lines(records.subList(2, 6))))
                .isEqualTo(new ExportVerification.Ok(4, 3, 6, records.get(5).hash(), false));
    }

    @Test
    void seqOneMustStartAtTheGenesisHash() throws IOException {
        List<AuditRecord> forged = chain(1, "f".repeat(64), 2);

        assertThat(verify(lines(forged))).isInstanceOfSatisfying(ExportVerification.Broken.class, b -> {
            assertThat(b.line()).isEqualTo(1);
            assertThat(b.reason()).isEqualTo(BreakReason.PREV_HASH_MISMATCH);
        });
    }

    @Test
    void aRecordFromAnotherChainBreaksTheLink() throws IOException {
        List<AuditRecord> records = new ArrayList<>(chain(1, AuditCanonicalForm.GENESIS_HASH, 3));
        records.set(1, chain(2, "e".repeat(64), 1).get(0)); // self-consistent, but not linked to line 1

        assertThat(verify(lines(records))).isEqualTo(new ExportVerification.Broken(2, 2,
                BreakReason.PREV_HASH_MISMATCH, "prevHash is not the hash of the line before"));
    }

    @Test
    void aChangedValueWithARecomputedHashIsFoundAtTheNextLine() throws IOException {
        List<AuditRecord> records = new ArrayList<>(chain(1, AuditCanonicalForm.GENESIS_HASH, 3));
        AuditRecord r = records.get(1);
        String payload = "{\"n\":2,\"who\":\"Mallory\"}";
        String rehashed = AuditCanonicalForm.hash(r.prevHash(), r.seq(), AuditCanonicalForm.formatTime(r.recordedAt()),
                r.type(), r.actor(), r.requestId(), payload);
        records.set(1, new AuditRecord(r.seq(), r.recordedAt(), r.type(), r.actor(), r.requestId(), payload,
                r.prevHash(), rehashed));

        assertThat(verify(lines(records))).isInstanceOfSatisfying(ExportVerification.Broken.class,
                b -> assertThat(b.line()).isEqualTo(3));
    }

    @Test
    void reorderedMembersAreNotCanonical() throws IOException {
        List<AuditRecord> records = chain(1, AuditCanonicalForm.GENESIS_HASH, 2);
        String line2 = records.get(1).exportLine();
        String reordered = "{" + line2.substring(line2.indexOf("\"recordedAt\"")).replaceFirst("}$", "")
                + ",\"seq\":2}";

        assertThat(verify(records.get(0).exportLine() + "\n" + reordered + "\n"))
                .isEqualTo(new ExportVerification.Broken(2, 2, BreakReason.NOT_CANONICAL,
                        "the line is not the canonical export form of its record"));
    }

    @Test
    void windowsLineEndsAreNotCanonical() throws IOException {
        String crlf = lines(chain(1, AuditCanonicalForm.GENESIS_HASH, 2)).replace("\n", "\r\n");

        assertThat(verify(crlf)).isInstanceOfSatisfying(ExportVerification.Broken.class,
                b -> assertThat(b.line()).isEqualTo(1));
    }

    @Test
    void aCutOffLastLineIsMalformed() throws IOException {
        String text = lines(chain(1, AuditCanonicalForm.GENESIS_HASH, 3));

        assertThat(verify(text.substring(0, text.length() - 1))).isInstanceOfSatisfying(
                ExportVerification.Broken.class, b -> {
                    assertThat(b.line()).isEqualTo(3);
                    assertThat(b.reason()).isEqualTo(BreakReason.MALFORMED);
                });
    }

    @Test
    void extraOrMissingMembersAndEmptyLinesAreMalformed() throws IOException {
        List<AuditRecord> records = chain(1, AuditCanonicalForm.GENESIS_HASH, 2);
        String first = records.get(0).exportLine();

        assertThat(verify(first + "\n\n")).isInstanceOfSatisfying(ExportVerification.Broken.class, b -> {
            assertThat(b.line()).isEqualTo(2);
            assertThat(b.reason()).isEqualTo(BreakReason.MALFORMED);
        });
        assertThat(verify(first.replace("\"actor\":", "\"actors\":") + "\n"))
                .isInstanceOfSatisfying(ExportVerification.Broken.class,
                        b -> assertThat(b.reason()).isEqualTo(BreakReason.MALFORMED));
        assertThat(verify(first.replaceFirst("}$", ",\"extra\":1}") + "\n"))
                .isInstanceOfSatisfying(ExportVerification.Broken.class,
                        b -> assertThat(b.reason()).isEqualTo(BreakReason.MALFORMED));
    }

    @Test
    void everySingleByteChangeIsFoundOnItsLine() throws IOException {
        byte[] export = lines(chain(1, AuditCanonicalForm.GENESIS_HASH, 4)).getBytes(StandardCharsets.UTF_8);
        int start = AuditChainContract.lineStart(export, 2);
        int end = AuditChainContract.lineStart(export, 3);

        for (int i = start; i < end; i++) {
            for (byte replacement : new byte[] {'x', '0', ' ', '"', (byte) 0xC3}) {
                if (export[i] == replacement) {
                    continue;
                }
                byte[] tampered = export.clone();
                tampered[i] = replacement;
                assertThat(verify(tampered)).as("byte %d of line 2 -> %02x", i - start, replacement)
                        .isInstanceOfSatisfying(ExportVerification.Broken.class,
                                b -> assertThat(b.line()).isEqualTo(2));
            }
        }
    }
}
