package nl.doelbinding.server.channels;

import org.apache.camel.component.amqp.AMQPComponent;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;

/**
 * The server's connections to the broker (embedded or external): Qpid JMS over AMQP 1.0 behind a pool, so that
 * sending a reply or a dead letter does not open a connection per message (stack.md gotcha 4).
 */
public final class BrokerConnection implements AutoCloseable {
    private final JmsPoolConnectionFactory pool;

    private BrokerConnection(JmsPoolConnectionFactory pool) {
        this.pool = pool;
    }

    /**
     * @param url                 {@code amqp://host:port} or {@code amqps://...} (Qpid JMS URL options allowed)
     * @param user                the broker user, or null
     * @param password            the broker password, or null
     * @param maxDeliveryAttempts the client-side bound: after this many deliveries the client rejects the message
     */
    public static BrokerConnection open(String url, String user, String password, int maxDeliveryAttempts) {
        String separator = url.contains("?") ? "&" : "?";
        JmsConnectionFactory qpid = new JmsConnectionFactory(url + separator
                + "jms.redeliveryPolicy.maxRedeliveries=" + maxDeliveryAttempts);
        if (user != null) {
            qpid.setUsername(user);
            qpid.setPassword(password);
        }
        JmsPoolConnectionFactory pool = new JmsPoolConnectionFactory();
        pool.setConnectionFactory(qpid);
        pool.setMaxConnections(2);
        pool.setMaxSessionsPerConnection(100);
        return new BrokerConnection(pool);
    }

    /** The Camel component for the routes: {@code amqp:queue:...} over the pooled connections. */
    public AMQPComponent component() {
        AMQPComponent component = new AMQPComponent(pool);
        component.setIncludeAmqpAnnotations(false);
        // Replies carry the correlation id as text (DecisionReply); asking Qpid JMS for it as bytes throws and
        // catches a JMSException for every message whose id is not binary, which is nearly all of them.
        component.setIncludeCorrelationIDAsBytes(false);
        return component;
    }

    @Override
    public void close() {
        pool.stop();
    }
}
