package nl.doelbinding.server.channels;

import java.nio.file.Path;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded ActiveMQ Artemis broker: one AMQP 1.0 acceptor on the configured loopback address, a persistent
 * journal in the data folder, the request, reply, dead-letter and expiry queues, and a bounded redelivery on the
 * request queue after which the broker itself moves a message to the dead-letter queue.
 *
 * <p>Every connection authenticates ({@link BrokerAccess}). The server may do anything. A police system may send
 * to the request queue only, and read and create only its own reply addresses and, while it is open, the shared
 * default ({@link nl.doelbinding.routes.amqp.ReplySpace}). The dead-letter and expiry queues hold other callers'
 * messages with their tokens: only an operator ({@code admin}) may read them. Nobody but the server may read the
 * request queue or send replies.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final long LOCK_TIMEOUT_MILLIS = 10_000;

    private final EmbeddedActiveMQ broker;
    private final String url;

    private EmbeddedBroker(EmbeddedActiveMQ broker, String url) {
        this.broker = broker;
        this.url = url;
    }

    /** Starts the broker; its journal lives in {@code dir}; {@code access} says who may connect. */
    public static EmbeddedBroker start(BrokerSettings settings, Path dir, BrokerAccess access) throws Exception {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("doelbinding");
        config.setPersistenceEnabled(true);
        config.setJournalType(JournalType.NIO);
        config.setBindingsDirectory(dir.resolve("bindings").toString());
        config.setJournalDirectory(dir.resolve("journal").toString());
        config.setPagingDirectory(dir.resolve("paging").toString());
        config.setLargeMessagesDirectory(dir.resolve("large-messages").toString());
        config.setNodeManagerLockDirectory(dir.toString());
        // A second server on the same data folder would otherwise wait for ever for the journal's lock.
        config.setJournalLockAcquisitionTimeout(LOCK_TIMEOUT_MILLIS);
        // Every request also carries its own token, verified by the server for that request (docs/channels.md).
        config.setSecurityEnabled(true);
        // Artemis caches a permission per user name, and a caller chooses its user name: the cache could hand one
        // caller's permission to another. Without it each check asks BrokerAccess with the caller's own subject
        // (cached per user name and token, for the security invalidation interval).
        config.setAuthorizationCacheSize(0);
        BrokerPermissions.of(settings).forEach(config::putSecurityRoles);
        config.setJMXManagementEnabled(false);
        String acceptor = "tcp://" + settings.host() + ":" + settings.port()
                + "?protocols=AMQP";
        config.addAcceptorConfiguration("amqp", acceptor);

        AddressSettings all = new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(settings.deadLetterQueue()))
                .setExpiryAddress(SimpleString.of(settings.expiryQueue()))
                // A backstop behind the route's own bound: a message that keeps killing its consumer still ends.
                .setMaxDeliveryAttempts(settings.maxDeliveryAttempts() + 1)
                .setRedeliveryDelay(settings.redeliveryDelayMillis())
                .setAutoCreateQueues(true)
                .setAutoCreateAddresses(true);
        config.addAddressSetting("#", all);
        for (String queue : List.of(settings.requestQueue(), settings.replyQueue(), settings.deadLetterQueue(),
                settings.expiryQueue())) {
            config.addQueueConfiguration(QueueConfiguration.of(queue).setAddress(queue)
                    .setRoutingType(RoutingType.ANYCAST).setDurable(true));
        }
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.setSecurityManager(access);
        try {
            broker.start();
        } catch (Exception e) {
            broker.stop();
            throw new IllegalStateException(locked(dir), e);
        }
        if (!broker.getActiveMQServer().isActive()) {
            broker.stop();
            throw new IllegalStateException(locked(dir));
        }
        String url = "amqp://" + settings.host() + ":" + settings.port();
        LOG.info("embedded broker listening on {}", url);
        return new EmbeddedBroker(broker, url);
    }

    private static String locked(Path dir) {
        return "the embedded broker could not start on its journal in " + dir + " (is another server using the same"
                + " data folder? Give each node its own data folder, or configure an external broker: broker.url)";
    }

    /** The AMQP URL clients connect to. */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        try {
            broker.stop();
        } catch (Exception e) {
            LOG.warn("stopping the embedded broker failed: {}", e.getClass().getName());
        }
    }
}
