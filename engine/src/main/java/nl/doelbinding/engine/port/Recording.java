package nl.doelbinding.engine.port;

/** What recording a decided request did. */
public sealed interface Recording {
    StoredDecision stored();

    /** The request was new; its decision is now recorded, with one audit record. */
    record Recorded(StoredDecision stored) implements Recording {
    }

    /**
     * The same requester had already sent this requestId (a race lost to another node or thread): nothing
     * new was recorded, and the earlier decision stands.
     */
    record AlreadyRecorded(StoredDecision stored) implements Recording {
    }
}
