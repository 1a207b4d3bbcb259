package nl.doelbinding.server.audit;

/** Why an audit chain (or an export of it) does not verify. */
public enum BreakReason {
    /** A record's content does not hash to its stored hash: content or hash was changed. */
    HASH_MISMATCH,
    /** A record's previous hash is not the hash of the record before it. */
    PREV_HASH_MISMATCH,
    /** A sequence number is missing: a record was removed (or, in an export, a line). */
    GAP,
    /** The chain does not end at the recorded head: records at the end were removed or the head was changed. */
    HEAD_MISMATCH,
    /** An export line is not a JSON record of the export format (or not UTF-8, or not terminated). */
    MALFORMED,
    /** An export line holds a valid record but is not byte-for-byte its canonical line. */
    NOT_CANONICAL
}
