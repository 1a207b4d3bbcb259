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
 * client's failure, answered 400 as far as the connection still allows, not the server's.
 *
 * <p>Before a 413 the rest of the body is read and dropped, up to {@link #DRAIN_BYTES} past the limit (as
 * Tomcat's {@code maxSwallowSize} does). A client still sending when the server answers and closes the connection
 * gets the connection reset under it, and an HTTP client that is still writing then gives up on the answer too:
 * the refusal would arrive as a broken connection instead of a problem. A body larger still is not read at
 * all: the connection is then closed with the answer, and such a client may see only the reset.
 */
public final class BodyLimit implements Processor {
    /** How much of an over-limit body is read and dropped so that the client can read the 413. */
    static final long DRAIN_BYTES = 2L * 1024 * 1024;

    private final int maxBytes;

    public BodyLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void process(Exchange exchange) {
        Object raw = exchange.getIn().getBody();
        InputStream in = raw instanceof InputStream stream ? stream : null;
        Long declared = exchange.getIn().getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBytes) {
            if (in != null && declared <= maxBytes + DRAIN_BYTES) {
                drain(in, declared);
            }
            throw tooLarge();
        }
        byte[] body = in == null ? exchange.getIn().getBody(byte[].class) : readAtMostOneOver(in);
        if (body != null && body.length > maxBytes) {
            if (in != null) {
                drain(in, DRAIN_BYTES);
            }
            throw tooLarge();
        }
        exchange.getIn().setBody(body == null ? new byte[0] : body);
    }

    private byte[] readAtMostOneOver(InputStream in) {
        try {
            return in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST,
                    "the body could not be read in full: the connection ended or stalled before its end");
        }
    }

    /** Reads and drops up to {@code bytes} of what the client still sends; a failure here changes no answer. */
    private static void drain(InputStream in, long bytes) {
        try {
            byte[] sink = new byte[8192];
            long left = bytes;
            for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
                left -= n;
            }
        } catch (IOException e) {
            // the client stopped sending or went away: the 413 stands, as far as the connection allows
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "the body is larger than " + maxBytes + " bytes");
    }
}
