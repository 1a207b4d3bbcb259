package nl.doelbinding.server.channels;

import java.time.Clock;
import java.util.Optional;
import nl.doelbinding.routes.amqp.ReplyAddress;
import nl.doelbinding.routes.amqp.ReplyAddresses;
import nl.doelbinding.server.persistence.ReplyAddressStore;
import nl.doelbinding.server.persistence.Transactions;

/** The queue channel's reply addresses on the server's database. */
public final class JdbcReplyAddresses implements ReplyAddresses {
    private final Transactions transactions;
    private final ReplyAddressStore store;
    private final Clock clock;

    public JdbcReplyAddresses(Transactions transactions, ReplyAddressStore store, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void remember(String requesterClient, String requestId, ReplyAddress address) {
        transactions.run(c -> store.remember(c, requesterClient, requestId, address.address(),
                address.correlationId().orElse(null), clock.instant()));
    }

    @Override
    public Optional<ReplyAddress> find(String requesterClient, String requestId) {
        return transactions.inTransaction(c -> store.find(c, requesterClient, requestId))
                .map(row -> new ReplyAddress(row.replyTo(), Optional.ofNullable(row.correlationId())));
    }
}
