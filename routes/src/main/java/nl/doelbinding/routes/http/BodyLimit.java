package nl.doelbinding.routes.http;

import java.io.IOException;
import java.io.InputStream;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Reads the request body, refusing one over the limit (413) without reading more than the limit. */
public final class BodyLimit implements Processor {
    private final int maxBytes;

    public BodyLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void process(Exchange exchange) throws IOException {
        Long declared = exchange.getIn().getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBytes) {
            throw tooLarge();
        }
        byte[] body;
        Object raw = exchange.getIn().getBody();
        if (raw instanceof InputStream in) {
            body = in.readNBytes(maxBytes + 1);
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
