package nl.doelbinding.server.channels;

import java.time.Clock;
import nl.doelbinding.server.persistence.ProcessedFileStore;
import nl.doelbinding.server.persistence.Transactions;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * The file drop's idempotent repository on the server's database ({@code processed_files}): a batch name once
 * completed is remembered across restarts and by every node sharing the database.
 */
public final class ProcessedBatches extends ServiceSupport implements IdempotentRepository {
    private final Transactions transactions;
    private final ProcessedFileStore store;
    private final String processor;
    private final Clock clock;

    public ProcessedBatches(Transactions transactions, ProcessedFileStore store, String processor, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.processor = processor;
        this.clock = clock;
    }

    @Override
    public boolean add(String key) {
        return transactions.inTransaction(c -> store.add(c, processor, key, clock.instant()));
    }

    @Override
    public boolean contains(String key) {
        return transactions.inTransaction(c -> store.contains(c, processor, key));
    }

    @Override
    public boolean remove(String key) {
        return transactions.inTransaction(c -> store.remove(c, processor, key));
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    @Override
    public void clear() {
        transactions.run(c -> store.clear(c, processor));
    }
}
