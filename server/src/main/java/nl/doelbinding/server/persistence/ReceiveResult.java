package nl.doelbinding.server.persistence;

/**
 * The outcome of storing a received request: new, a replay of a stored one, or an idempotency conflict.
 * Idempotency is a policy result, not an error, so it is a value.
 */
public sealed interface ReceiveResult {
    /** The stored request: the new row, or the existing one for a replay or a conflict. */
    StoredRequest request();

    /** Stored now; decide it. */
    record Created(StoredRequest request) implements ReceiveResult {
    }

    /**
     * The same requester sent the same request id with the same body before: answer with the stored decision
     * (if {@code request().status()} is still RECEIVED, deciding failed last time: decide it now).
     */
    record Replay(StoredRequest request) implements ReceiveResult {
    }

    /** The request id is taken by a different request (HTTP 409); {@code request()} is the stored one. */
    record Conflict(StoredRequest request, ConflictReason reason) implements ReceiveResult {
    }

    /** Why a request id conflicts. */
    enum ConflictReason {
        /** Same client and request id, different body. */
        BODY_DIFFERS,
        /** Same client and request id, sent by another subject of that client. */
        REQUESTER_DIFFERS
    }
}
