package nl.doelbinding.server.audit;

/** The result of verifying an audit export file offline. */
public sealed interface ExportVerification {
    /** A human-readable one-line summary, for the CLI. */
    String describe();

    /**
     * Every line is a canonical record that links to the line before it and hashes to its stated hash.
     *
     * @param records     the number of records (lines)
     * @param firstSeq    the first record's seq (0 when there are none)
     * @param lastSeq     the last record's seq (0 when there are none)
     * @param headHash    the last record's hash: compare it with the live chain's head (or a published anchor)
     *                    to detect records missing at the end of the file
     * @param fromGenesis true when the file starts at the first record of the chain; otherwise its first
     *                    record's previous hash is taken on trust as the anchor
     */
    record Ok(long records, long firstSeq, long lastSeq, String headHash, boolean fromGenesis)
            implements ExportVerification {
        @Override
        public String describe() {
            if (records == 0) {
                return "OK: no records";
            }
            return "OK: " + records + " records, seq " + firstSeq + ".." + lastSeq
                    + (fromGenesis ? " (from the start of the chain)" : " (anchored at the previous hash of seq "
                    + firstSeq + ")") + ", head hash " + headHash;
        }
    }

    /**
     * The first broken line.
     *
     * @param line   1-based line number
     * @param seq    the seq stated on that line, or -1 when the line could not be read
     * @param reason what is wrong
     * @param detail explanation (holds no payload content)
     */
    record Broken(long line, long seq, BreakReason reason, String detail) implements ExportVerification {
        @Override
        public String describe() {
            return "BROKEN at line " + line + (seq >= 0 ? " (seq " + seq + ")" : "") + ": " + reason + ": " + detail;
        }
    }
}
