package nl.doelbinding.routes.http;

import java.io.IOException;
import java.io.InputStream;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Reads the request body, refusing one over the limit (413) without keeping more than the limit. A body that
 * cannot be read in full (the client closed the connection or stopped sending until the idle timeout) is the
 * client's failure, answered 400 as far as the connection still allows, not the server's. The rest of a refused
 * body is left for {@link UnreadBody}, which the problem answer drains.
 */
public final class BodyLimit implements Processor {
    private final int maxBytes;

    public BodyLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void process(Exchange exchange) {
        Long declared = exchange.getIn().getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBytes) {
            throw tooLarge();
        }
        byte[] body;
        Object raw = exchange.getIn().getBody();
        if (raw instanceof InputStream in) {
            try {
                body = in.readNBytes(maxBytes + 1);
            } catch (IOException e) {
                throw new ProblemException(ProblemType.INVALID_REQUEST,
                        "the body could not be read in full: the connection ended or stalled before its end");
            }
        } else {
            body = exchange.getIn().getBody(byte[].class);
        }
        if (body != null && body.length > maxBytes) {
            throw tooLarge();
        }
        exchange.getIn().setBody(body == null ? new byte[0] : body);
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the body is larger than " + maxBytes + " bytes");
    }
}
