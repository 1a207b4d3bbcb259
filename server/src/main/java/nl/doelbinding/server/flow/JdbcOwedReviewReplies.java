package nl.doelbinding.server.flow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.doelbinding.engine.port.StoredDecision;
import nl.doelbinding.routes.OwedReviewReplies;
import nl.doelbinding.server.persistence.StoredEscalation;
import nl.doelbinding.server.persistence.StoredRequest;
import nl.doelbinding.server.persistence.Transactions;

/** Owed review replies on the database: a closed escalation whose {@code replies_sent_at} is still NULL. */
public final class JdbcOwedReviewReplies implements OwedReviewReplies {
    private final Transactions transactions;
    private final Stores stores;
    private final Clock clock;

    public JdbcOwedReviewReplies(Transactions transactions, Stores stores, Clock clock) {
        this.transactions = transactions;
        this.stores = stores;
        this.clock = clock;
    }

    @Override
    public List<StoredDecision> owed(Instant closedBefore, int limit) {
        return transactions.inTransaction(c -> {
            List<StoredDecision> owed = new ArrayList<>();
            for (StoredEscalation escalation : stores.escalations().repliesOwed(c, closedBefore, limit)) {
                StoredRequest request = stores.requests().byRowId(c, escalation.requestRowId()).orElseThrow();
                stores.decisions().currentForRequest(c, request.id()).ifPresent(d -> owed.add(
                        JdbcDecisionLog.stored(request, d, Optional.of(escalation.escalationId().toString()))));
            }
            return owed;
        });
    }

    @Override
    public void sent(String escalationId) {
        UUID id = UUID.fromString(escalationId);
        transactions.run(c -> stores.escalations().repliesSent(c, id, clock.instant()));
    }
}
