package nl.doelbinding.server.audit;

/** The result of verifying the stored audit chain. */
public sealed interface VerifyResult {
    /** Every record links to its predecessor and hashes to its stored hash; the chain ends at the head. */
    record Ok(long count, String headHash) implements VerifyResult {
    }

    /**
     * The first broken link.
     *
     * @param seq    the first sequence number at which the chain is broken
     * @param reason what is wrong there
     * @param detail a human-readable explanation (holds no payload content)
     */
    record Broken(long seq, BreakReason reason, String detail) implements VerifyResult {
    }
}
