package nl.doelbinding.routes.http;

import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What is left of a request body when the server answers without having read it (a 401, a 403, a 413).
 *
 * <p>Before such an answer the rest is read and dropped, up to {@link #DRAIN_BYTES} (as Tomcat's
 * {@code maxSwallowSize} does), never kept. A client still sending when the server answers and closes the
 * connection on unread bytes gets the connection reset under it, and an HTTP client that is still writing then
 * loses the answer too: the refusal would arrive as a broken connection instead of a problem. A body declared
 * larger than the allowance is not read at all: the connection then closes with the answer, and such a client
 * may see only the reset. A sender that stalls is held until the idle timeout, like any stalled sender.
 */
public final class UnreadBody {
    /** How much of a body the server reads and drops so that the client can read a refusal. */
    public static final long DRAIN_BYTES = 2L * 1024 * 1024;

    private UnreadBody() {
    }

    /** Reads and drops what is left of {@code request}'s body, if still the connection's and within the allowance. */
    public static void drain(Message request) {
        if (!(request.getBody() instanceof ServletInputStream in)) {
            return; // read already (BodyLimit replaced it with its bytes), or not an HTTP request's
        }
        Long declared = request.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > DRAIN_BYTES) {
            return;
        }
        try {
            byte[] sink = new byte[8192];
            long left = DRAIN_BYTES;
            for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
                left -= n;
            }
        } catch (IOException e) {
            // the client stopped sending or went away: the answer stands, as far as the connection allows
        }
    }
}
