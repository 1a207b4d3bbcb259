package nl.doelbinding.routes.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class UnreadBodyTest {
    private static final int ALLOWANCE = (int) UnreadBody.DRAIN_BYTES;

    /** A connection's body of {@code length} bytes. */
    private static final class Connection extends ServletInputStream {
        private final ByteArrayInputStream bytes;

        Connection(int length) {
            bytes = new ByteArrayInputStream(new byte[length]);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return bytes.read(b, off, len);
        }

        int unread() {
            return bytes.available();
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }

    private static Message request(Object body, Long contentLength) {
        Message message = new DefaultExchange(new DefaultCamelContext()).getIn();
        message.setBody(body);
        message.setHeader(Exchange.CONTENT_LENGTH, contentLength);
        return message;
    }

    @Test
    void aBodyWithinTheAllowanceIsReadToItsEnd() {
        Connection declared = new Connection(ALLOWANCE);
        Connection chunked = new Connection(ALLOWANCE);

        UnreadBody.drain(request(declared, (long) ALLOWANCE));
        UnreadBody.drain(request(chunked, null));

        assertThat(declared.unread()).isZero();
        assertThat(chunked.unread()).isZero();
    }

    @Test
    void noMoreThanTheAllowanceIsReadOfALongerChunkedBody() {
        Connection chunked = new Connection(ALLOWANCE + 4096);

        UnreadBody.drain(request(chunked, null));

        assertThat(chunked.unread()).isEqualTo(4096);
    }

    @Test
    void aBodyDeclaredLongerThanTheAllowanceIsNotReadAtAll() {
        Connection declared = new Connection(1000);

        UnreadBody.drain(request(declared, ALLOWANCE + 1L));

        assertThat(declared.unread()).isEqualTo(1000);
    }

    @Test
    void aStreamThatIsNotTheConnectionsIsLeftAlone() {
        ByteArrayInputStream answer = new ByteArrayInputStream(new byte[1000]); // e.g. a streamed export

        UnreadBody.drain(request(answer, null));

        assertThat(answer.available()).isEqualTo(1000);
    }
}
