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
    void aDeclaredLengthOverTheLimitIsRefusedAndItsBodyReadToTheEndSoTheClientCanReadTheAnswer() {
        int length = LIMIT + 5000;
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[length]);

        assertRefused(exchange(body, (long) length));
        assertThat(body.available()).as("bytes left unread").isZero();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAndItsRestReadToTheEnd() {
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[LIMIT + 5000]);

        assertRefused(exchange(body, null));
        assertThat(body.available()).as("bytes left unread").isZero();
    }

    @Test
    void noMoreThanTheDrainAllowanceIsReadOfAnEndlessChunkedBody() {
        int length = (int) (LIMIT + 1 + BodyLimit.DRAIN_BYTES + 4096);
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[length]);

        assertRefused(exchange(body, null));
        assertThat(body.available()).as("bytes left unread").isEqualTo(4096);
    }

    @Test
    void aDeclaredLengthBeyondTheDrainAllowanceIsRefusedWithoutReadingAByte() {
        long length = LIMIT + BodyLimit.DRAIN_BYTES + 1;
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[1000]);

        assertRefused(exchange(body, length));
        assertThat(body.available()).as("bytes left unread").isEqualTo(1000);
    }

    private void assertRefused(Exchange exchange) {
        assertThatThrownBy(() -> limit.process(exchange))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
                    assertThat(e.detail()).contains("100 bytes");
                });
    }
}
