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
    private final MessageProducer producer;

    public QueueClient(String url) throws JMSException {
        connection = new JmsConnectionFactory(url).createConnection();
        connection.start();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        producer = session.createProducer(session.createQueue(REQUESTS));
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
