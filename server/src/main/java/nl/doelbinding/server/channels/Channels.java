package nl.doelbinding.server.channels;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.doelbinding.engine.port.ActiveRuleset;
import nl.doelbinding.routes.OwedReviewReplies;
import nl.doelbinding.routes.ReviewReplyRelayRoute;
import nl.doelbinding.routes.ReviewedRoute;
import nl.doelbinding.routes.file.BatchOrigins;
import nl.doelbinding.routes.file.ReviewedBatchReplies;
import nl.doelbinding.routes.amqp.AmqpDeadLetters;
import nl.doelbinding.routes.amqp.AmqpIntakeRoute;
import nl.doelbinding.routes.amqp.AmqpSettings;
import nl.doelbinding.routes.amqp.ReplyAddresses;
import nl.doelbinding.routes.amqp.ReplySpace;
import nl.doelbinding.routes.amqp.ReviewReplies;
import nl.doelbinding.routes.auth.RequesterAuthenticator;
import nl.doelbinding.routes.file.BatchProcessor;
import nl.doelbinding.routes.file.FileBinding;
import nl.doelbinding.routes.file.FileDropErrors;
import nl.doelbinding.routes.file.FileDropRoute;
import nl.doelbinding.server.app.ServerConfig;
import nl.doelbinding.server.flow.JdbcOwedReviewReplies;
import nl.doelbinding.server.flow.Stores;
import nl.doelbinding.server.identity.ClientCredentialsIdentity;
import nl.doelbinding.server.persistence.ProcessedFileStore;
import nl.doelbinding.server.persistence.ReplyAddressStore;
import nl.doelbinding.server.persistence.Transactions;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;

/**
 * The queue and file-drop channels, wired into the Camel context: the embedded broker (unless an external one
 * is configured), the pooled broker connection, the queue intake and its dead letters, the review replies, and
 * one file-drop route per binding. {@link #close()} after the Camel context has stopped.
 */
public final class Channels implements AutoCloseable {
    public static final String AMQP_COMPONENT = "amqp";

    private final EmbeddedBroker broker;
    private final BrokerAccess access;
    private final BrokerConnection connection;
    private final Optional<String> amqpUrl;
    private final List<FileBinding> bindings;

    private Channels(EmbeddedBroker broker, BrokerAccess access, BrokerConnection connection, Optional<String> amqpUrl,
                     List<FileBinding> bindings) {
        this.broker = broker;
        this.access = access;
        this.connection = connection;
        this.amqpUrl = amqpUrl;
        this.bindings = List.copyOf(bindings);
    }

    /** Starts the broker (when embedded) and adds the channels' routes; the caller starts the context. */
    public static Channels install(CamelContext camel, ServerConfig config, RequesterAuthenticator authenticator,
                                   ActiveRuleset rulesets, Transactions transactions, Clock clock) throws Exception {
        EmbeddedBroker broker = null;
        BrokerAccess access = null;
        BrokerConnection connection = null;
        try {
            List<Processor> reviewReplies = new ArrayList<>();
            ServerConfig.Broker settings = config.broker;
            if (settings.enabled) {
                ReplySpace replies = new ReplySpace(settings.replyQueue, settings.sharedReplies);
                String user = settings.user;
                String password = settings.password;
                if (settings.runsEmbedded()) {
                    access = BrokerAccess.withNewServerSecret(authenticator, replies);
                    broker = EmbeddedBroker.start(new BrokerSettings(settings.host, settings.port, settings.requestQueue,
                            settings.replyQueue, settings.deadLetterQueue, settings.expiryQueue,
                            settings.maxDeliveryAttempts, settings.redeliveryDelayMillis), config.data().resolve("broker"),
                            access);
                    user = BrokerAccess.SERVER_USER;
                    password = access.serverPassword();
                }
                connection = BrokerConnection.open(settings.connectUrl(), user, password, settings.maxDeliveryAttempts);
                camel.addComponent(AMQP_COMPONENT, connection.component());
                AmqpSettings amqp = new AmqpSettings(AMQP_COMPONENT, settings.requestQueue, settings.replyQueue,
                        settings.deadLetterQueue, settings.concurrentConsumers, settings.maxDeliveryAttempts,
                        config.http.maxBodyBytes, replies);
                ReplyAddresses addresses = new JdbcReplyAddresses(transactions, new ReplyAddressStore(), clock);
                camel.addRoutes(new AmqpDeadLetters(amqp));
                camel.addRoutes(new AmqpIntakeRoute(amqp, authenticator, addresses));
                reviewReplies.add(new ReviewReplies(amqp, addresses));
            }
            BatchOrigins origins = new JdbcBatchOrigins(transactions, new ReplyAddressStore(), clock);
            List<FileBinding> bindings = fileDrop(camel, config, authenticator, rulesets, transactions, clock, origins);
            if (!bindings.isEmpty()) {
                reviewReplies.add(new ReviewedBatchReplies(origins, bindings));
            }
            OwedReviewReplies owed = new JdbcOwedReviewReplies(transactions, Stores.create(), clock);
            camel.addRoutes(new ReviewedRoute(reviewReplies, owed));
            camel.addRoutes(new ReviewReplyRelayRoute(owed, Duration.ofSeconds(config.reviewReplyRetrySeconds), clock));
            return new Channels(broker, access, connection, settings.enabled ? Optional.of(settings.connectUrl())
                    : Optional.empty(), bindings);
        } catch (Exception | Error e) {
            new Channels(broker, access, connection, Optional.empty(), List.of()).close();
            throw e;
        }
    }

    private static List<FileBinding> fileDrop(CamelContext camel, ServerConfig config,
                                              RequesterAuthenticator authenticator, ActiveRuleset rulesets,
                                              Transactions transactions, Clock clock, BatchOrigins origins)
            throws Exception {
        List<FileBinding> bindings = new ArrayList<>();
        if (config.fileDrop.bindings.isEmpty()) {
            return bindings;
        }
        camel.addRoutes(new FileDropErrors());
        URI tokens = URI.create(config.keycloak.tokens());
        ProcessedFileStore processed = new ProcessedFileStore();
        for (ServerConfig.FileBinding configured : config.fileDrop.bindings) {
            if (configured.clientId == null || configured.clientSecret == null) {
                throw new IOException("file-drop binding " + configured.name + " needs clientId and clientSecret");
            }
            FileBinding binding = new FileBinding(configured.name, config.dropFolder(configured));
            Files.createDirectories(binding.inbox());
            Files.createDirectories(binding.outbox());
            Files.createDirectories(binding.failed());
            BatchProcessor processor = new BatchProcessor(binding, new ClientCredentialsIdentity(tokens,
                    configured.clientId, configured.clientSecret, authenticator), rulesets, origins,
                    config.http.maxBodyBytes);
            camel.addRoutes(new FileDropRoute(binding, processor,
                    new ProcessedBatches(transactions, processed, binding.processorName(), clock),
                    config.fileDrop.pollMillis));
            bindings.add(binding);
        }
        return bindings;
    }

    /** The AMQP URL police systems connect to; empty when the queue channel is off. */
    public Optional<String> amqpUrl() {
        return amqpUrl;
    }

    /**
     * Who may use the embedded broker, with the server's own password: for code in this process only (tests that
     * must reach the broker while tokens cannot be verified). Empty with an external broker or none.
     */
    public Optional<BrokerAccess> embeddedBrokerAccess() {
        return Optional.ofNullable(access);
    }

    /** The file-drop bindings, with their folders. */
    public List<FileBinding> bindings() {
        return bindings;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
