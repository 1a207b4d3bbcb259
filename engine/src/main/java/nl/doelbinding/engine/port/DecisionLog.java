package nl.doelbinding.engine.port;

import java.util.List;
import java.util.Optional;

/**
 * The durable record of requests and their decisions. Recording a decided request writes the request,
 * the decision, its review (when escalated), the disclosure register and one audit record in one
 * transaction: either all of it is durable or none of it.
 */
public interface DecisionLog {
    /** The current decision on this requester's request, if it was recorded. */
    Optional<StoredDecision> find(String client, String requestId);

    /** The current decisions on every request with this id, whoever sent it (for auditors). */
    List<StoredDecision> findAll(String requestId);

    /** Records a decided request; if the same client already recorded this requestId, records nothing. */
    Recording record(DecidedRequest decided);
}
