package nl.doelbinding.server.channels;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.qpid.jms.JmsConnectionFactory;

/** A police system on the queue channel, as docs/channels.md tells it to connect: Qpid JMS over AMQP 1.0. */
public final class QueueClient implements AutoCloseable {
    public static final String REQUESTS = "doelbinding.requests";
    public static final String DECISIONS = "doelbinding.decisions";
    public static final String DEAD_LETTERS = "doelbinding.requests.DLQ";

    private final Connection connection;
    private final Session session;
    private MessageProducer producer;

    /**
     * Connects as docs/channels.md tells a police system (or an operator) to: SASL PLAIN with a current access token
     * as the password.
     *
     * @param token the access token the connection authenticates with, or null to try without
     */
    public QueueClient(String url, String token) throws JMSException {
        this(url, token == null ? null : "queue-client", token);
    }

    /** Connects with a broker user name and password (an external broker's own users). */
    public QueueClient(String url, String user, String password) throws JMSException {
        JmsConnectionFactory factory = new JmsConnectionFactory(url);
        if (user != null) {
            factory.setUsername(user);
            factory.setPassword(password);
        }
        connection = factory.createConnection();
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    /**
     * Sends a request.
     *
     * @param token         the bearer token, or null for none
     * @param replyTo       the reply queue, or null for the default
     * @param correlationId the correlation id, or null
     * @return the message id
     */
    public synchronized String send(String body, String token, String replyTo, String correlationId) throws JMSException {
        if (producer == null) {
            producer = session.createProducer(session.createQueue(REQUESTS));
        }
        TextMessage message = session.createTextMessage(body);
        if (token != null) {
            message.setStringProperty("Authorization", "Bearer " + token);
        }
        if (replyTo != null) {
            message.setJMSReplyTo(session.createQueue(replyTo));
        }
        if (correlationId != null) {
            message.setJMSCorrelationID(correlationId);
        }
        producer.send(message);
        return message.getJMSMessageID();
    }

    /** Sends a message to any address (to show what the broker lets this connection do). */
    public void sendTo(String queue, String body) throws JMSException {
        try (Session sender = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer to = sender.createProducer(sender.createQueue(queue))) {
            to.send(sender.createTextMessage(body));
        }
    }

    /** Takes the next message of the queue, waiting at most {@code timeout}. */
    public Optional<Message> receive(String queue, Duration timeout) throws JMSException {
        try (Session receiver = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageConsumer consumer = receiver.createConsumer(receiver.createQueue(queue))) {
            return Optional.ofNullable(consumer.receive(timeout.toMillis()));
        }
    }

    /** Takes messages until {@code count} arrived or none came for {@code quiet}. */
    public List<Message> receive(String queue, int count, Duration quiet) throws JMSException {
        List<Message> received = new ArrayList<>();
        try (Session receiver = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageConsumer consumer = receiver.createConsumer(receiver.createQueue(queue))) {
            while (received.size() < count) {
                Message message = consumer.receive(quiet.toMillis());
                if (message == null) {
                    break;
                }
                received.add(message);
            }
        }
        return received;
    }

    public static String text(Message message) throws JMSException {
        return message instanceof TextMessage text ? text.getText() : message.getBody(String.class);
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
