package nl.doelbinding.server.channels;

import java.time.Clock;
import java.util.Optional;
import nl.doelbinding.routes.file.BatchOrigins;
import nl.doelbinding.server.persistence.ReplyAddressStore;
import nl.doelbinding.server.persistence.Transactions;

/** The file drop's record of which binding delivered an escalated request, on the server's database. */
public final class JdbcBatchOrigins implements BatchOrigins {
    private final Transactions transactions;
    private final ReplyAddressStore store;
    private final Clock clock;

    public JdbcBatchOrigins(Transactions transactions, ReplyAddressStore store, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void remember(String requesterClient, String requestId, String binding) {
        transactions.run(c -> store.remember(c, ReplyAddressStore.FILE, requesterClient, requestId, binding, null,
                clock.instant()));
    }

    @Override
    public Optional<String> bindingOf(String requesterClient, String requestId) {
        return transactions.inTransaction(c -> store.find(c, ReplyAddressStore.FILE, requesterClient, requestId))
                .map(ReplyAddressStore.Row::replyTo);
    }
}
