package nl.doelbinding.routes.amqp;

import java.util.Objects;

/**
 * The reply addresses a police system may have its decisions sent to, and read: the shared default reply address
 * (api.md section 5), or an address of its own, one that begins with its Keycloak client id and a dot (for client
 * {@code police-demo}: {@code police-demo.decisions}, {@code police-demo.case-42}).
 *
 * <p>A decision holds the personal data released to one requester for one purpose. Without this rule a police
 * system could name another system's reply address as its {@code replyTo}, or read it, and so receive data
 * released to someone else. The server refuses such a request (dead letter, {@code INVALID_REQUEST}); the embedded
 * broker refuses a police system that reads, browses or creates another system's address. Everybody who may read
 * the shared default sees every reply sent there: a deployment with more than one police system closes it
 * ({@code sharedDefaultOpen} false), so that every system must name an address of its own.
 *
 * @param sharedDefault     the default reply address ({@code doelbinding.decisions})
 * @param sharedDefaultOpen whether police systems may use the shared default at all
 */
public record ReplySpace(String sharedDefault, boolean sharedDefaultOpen) {
    /** Separates a queue's address from its name in a fully qualified queue name ({@code address::queue}). */
    private static final String FQQN_SEPARATOR = "::";

    public ReplySpace {
        ReplyAddress.requireValidAddress(sharedDefault);
    }

    /** The reply space of api.md section 5: the shared default is open to every police system. */
    public ReplySpace(String sharedDefault) {
        this(sharedDefault, true);
    }

    /**
     * Whether client {@code client} may use {@code address} (a fully qualified queue name counts by its address):
     * the shared default while it is open, or one that begins with the client id and a dot and has more after it.
     */
    public boolean allows(String client, String address) {
        Objects.requireNonNull(client, "client");
        if (address == null || client.isEmpty()) {
            return false;
        }
        int separator = address.indexOf(FQQN_SEPARATOR);
        String bare = separator < 0 ? address : address.substring(0, separator);
        String own = client + ".";
        return (sharedDefaultOpen && bare.equals(sharedDefault))
                || (bare.startsWith(own) && bare.length() > own.length());
    }

    /** What a refused client must do instead, for its dead letter: names the rule, never another client. */
    String rule(String client) {
        String own = "an address of your own, beginning with your client id and a dot (" + client + ".)";
        return sharedDefaultOpen ? "the replyTo address must be " + sharedDefault + " or " + own
                : "a replyTo address is required: " + own + "; this server has no shared reply address";
    }
}
