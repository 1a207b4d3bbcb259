package nl.doelbinding.routes.file;

import nl.doelbinding.routes.Exchanges;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The file-drop channel of one binding (api.md section 6): a {@code *.json} batch in the inbox is processed once
 * (the idempotent repository remembers its name once it completed; one that failed or was cut short by a crash
 * stays unremembered and is processed again); on success the batch file is deleted, its decisions are in the
 * outbox; on failure it moves to {@code failed/} beside its {@code .error.txt}.
 */
public final class FileDropRoute extends RouteBuilder {
    private final FileBinding binding;
    private final BatchProcessor processor;
    private final IdempotentRepository processed;
    private final long pollMillis;

    public FileDropRoute(FileBinding binding, BatchProcessor processor, IdempotentRepository processed, long pollMillis) {
        this.binding = binding;
        this.processor = processor;
        this.processed = processed;
        this.pollMillis = pollMillis;
    }

    @Override
    public void configure() {
        // readLock=changed: a batch still being written is left until its size and time stop changing.
        String inbox = "file:" + binding.inbox() + "?antInclude=*.json&readLock=changed&readLockMinAge=1000"
                + "&readLockCheckInterval=250&delete=true&autoCreate=true&delay=" + pollMillis
                + "&moveFailed=" + binding.failed() + "/${file:onlyname}";
        from(inbox).routeId("file-drop-" + binding.name()).routeConfigurationId(FileDropErrors.ID)
                .setHeader(Exchanges.CHANNEL, constant("file"))
                .setProperty(FileDropErrors.BINDING, constant(binding))
                .idempotentConsumer(simple("${file:onlyname}"), processed)
                    .eager(false).removeOnFailure(false).skipDuplicate(false)
                    .process(processor)
                .end();
    }
}
