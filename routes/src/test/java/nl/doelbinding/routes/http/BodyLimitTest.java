package nl.doelbinding.routes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class BodyLimitTest {
    private static final int LIMIT = 100;
    private final BodyLimit limit = new BodyLimit(LIMIT);

    private static Exchange exchange(ByteArrayInputStream body, Long contentLength) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setBody(body);
        exchange.getIn().setHeader(Exchange.CONTENT_LENGTH, contentLength);
        return exchange;
    }

    @Test
    void aBodyAtTheLimitIsReadWhole() throws Exception {
        Exchange exchange = exchange(new ByteArrayInputStream(new byte[LIMIT]), null);

        limit.process(exchange);

        assertThat(exchange.getIn().getBody(byte[].class)).hasSize(LIMIT);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingAByte() {
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[LIMIT + 1]);

        assertRefused(exchange(body, (long) LIMIT + 1));
        assertThat(body.available()).as("bytes left unread").isEqualTo(LIMIT + 1);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAfterOneByteOverIt() {
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[LIMIT + 5000]);

        assertRefused(exchange(body, null));
        assertThat(body.available()).as("bytes left unread").isEqualTo(5000 - 1);
    }

    private void assertRefused(Exchange exchange) {
        assertThatThrownBy(() -> limit.process(exchange))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
                    assertThat(e.detail()).contains("100 bytes");
                });
    }
}
