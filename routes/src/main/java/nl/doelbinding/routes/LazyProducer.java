package nl.doelbinding.routes;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * A producer template for a processor that sends new exchanges of its own, created on first use from the
 * running context (a processor is built before the context starts) and shared by every thread after that.
 */
public final class LazyProducer {
    private volatile ProducerTemplate template;

    public ProducerTemplate of(Exchange exchange) {
        ProducerTemplate current = template;
        if (current == null) {
            synchronized (this) {
                if (template == null) {
                    template = exchange.getContext().createProducerTemplate();
                }
                current = template;
            }
        }
        return current;
    }
}
