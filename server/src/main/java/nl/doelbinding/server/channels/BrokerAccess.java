package nl.doelbinding.server.channels;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.security.auth.Subject;
import java.security.Principal;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.routes.amqp.ReplySpace;
import nl.doelbinding.routes.auth.RequesterAuthenticator;
import nl.doelbinding.routes.auth.Role;
import nl.doelbinding.routes.problem.ProblemException;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager5;
import org.apache.activemq.artemis.spi.core.security.jaas.RolePrincipal;
import org.apache.activemq.artemis.spi.core.security.jaas.UserPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may connect to the embedded broker, and as what. The server itself connects as {@link #SERVER_USER} with a
 * secret made when it starts and never written anywhere; everybody else connects with SASL PLAIN and a current
 * Keycloak access token as the password, verified like every bearer token (the user name is not checked: the token
 * says who the caller is). A token holding {@code police-requester} connects in that role, one holding
 * {@code admin} in the operator's role; any other caller is refused. What each role may do on which address is
 * {@link EmbeddedBroker}'s security settings; {@link #authorize} matches the caller's roles against them and, for a
 * police system reading, browsing or creating an address, also requires the address to be its own or the shared
 * default ({@link ReplySpace}): the settings name roles, not clients, so they alone would let one police system
 * read another's replies.
 */
public final class BrokerAccess implements ActiveMQSecurityManager5 {
    /** The server's own user on the embedded broker. */
    public static final String SERVER_USER = "doelbinding-server";
    /** The broker role of the server's own connections: every permission on every address. */
    static final String SERVER_ROLE = "doelbinding-server";
    /** The broker role of police systems (the realm role of the same name). */
    static final String POLICE_ROLE = Role.POLICE_REQUESTER.code();
    /** The broker role of operators, who may read the dead letters (the realm role of the same name). */
    static final String OPERATOR_ROLE = Role.ADMIN.code();

    private static final Logger LOG = LoggerFactory.getLogger(BrokerAccess.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RequesterAuthenticator tokens;
    private final String serverPassword;
    private final ReplySpace replies;

    BrokerAccess(RequesterAuthenticator tokens, String serverPassword, ReplySpace replies) {
        if (serverPassword == null || serverPassword.isEmpty()) {
            throw new IllegalArgumentException("the server's broker password must not be empty");
        }
        this.tokens = tokens;
        this.serverPassword = serverPassword;
        this.replies = replies;
    }

    /** Access for one server run: the server's own password is 32 random bytes. */
    public static BrokerAccess withNewServerSecret(RequesterAuthenticator tokens, ReplySpace replies) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new BrokerAccess(tokens, Base64.getUrlEncoder().withoutPadding().encodeToString(secret), replies);
    }

    /**
     * Access with a given password for {@link #SERVER_USER}: for a broker of its own that the server connects to as an
     * external broker (its {@code broker.user} and {@code broker.password}).
     */
    public static BrokerAccess withServerPassword(RequesterAuthenticator tokens, String serverPassword,
                                                  ReplySpace replies) {
        return new BrokerAccess(tokens, serverPassword, replies);
    }

    /** The password of {@link #SERVER_USER}, for the server's own connections. */
    public String serverPassword() {
        return serverPassword;
    }

    @Override
    public Subject authenticate(String user, String password, RemotingConnection connection, String securityDomain) {
        if (password == null || password.isEmpty()) {
            return null;
        }
        if (SERVER_USER.equals(user)) {
            return MessageDigest.isEqual(serverPassword.getBytes(StandardCharsets.UTF_8),
                    password.getBytes(StandardCharsets.UTF_8))
                    ? subject(SERVER_USER, null, Set.of(SERVER_ROLE)) : null;
        }
        Requester caller;
        try {
            caller = tokens.authenticate("Bearer " + password);
        } catch (ProblemException e) {
            // The reason is safe to log (it never holds the token); who tried is not known.
            LOG.info("broker connection refused: {}", e.getMessage());
            return null;
        }
        Set<String> roles = Stream.of(Role.POLICE_REQUESTER, Role.ADMIN).filter(r -> r.heldBy(caller)).map(Role::code)
                .collect(Collectors.toSet());
        if (roles.isEmpty()) {
            LOG.info("broker connection refused: client {} holds neither {} nor {}", caller.client(), POLICE_ROLE,
                    OPERATOR_ROLE);
            return null;
        }
        return subject(caller.client() + "/" + caller.subject(), caller.client(), roles);
    }

    @Override
    public boolean authorize(Subject subject, Set<org.apache.activemq.artemis.core.security.Role> roles,
                             CheckType checkType, String address) {
        if (subject == null) {
            return false; // the token expired or was refused since the connection opened: the caller must reconnect
        }
        Set<String> held = subject.getPrincipals(RolePrincipal.class).stream().map(RolePrincipal::getName)
                .collect(Collectors.toSet());
        return roles.stream().anyMatch(r -> held.contains(r.getName()) && checkType.hasRole(r)
                && (!r.getName().equals(POLICE_ROLE) || checkType == CheckType.SEND || ownAddress(subject, address)));
    }

    /** Whether the caller's client may read, browse or create queues on {@code address} ({@link ReplySpace}). */
    private boolean ownAddress(Subject subject, String address) {
        return subject.getPrincipals(ClientPrincipal.class).stream()
                .anyMatch(client -> replies.allows(client.getName(), address));
    }

    @Override
    public boolean validateUser(String user, String password) {
        return authenticate(user, password, null, null) != null;
    }

    @Override
    public boolean validateUserAndRole(String user, String password,
                                       Set<org.apache.activemq.artemis.core.security.Role> roles, CheckType checkType) {
        Subject subject = authenticate(user, password, null, null);
        return subject != null && authorize(subject, roles, checkType, null);
    }

    private static Subject subject(String user, String client, Set<String> roles) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        if (client != null) {
            subject.getPrincipals().add(new ClientPrincipal(client));
        }
        roles.forEach(r -> subject.getPrincipals().add(new RolePrincipal(r)));
        subject.setReadOnly();
        return subject;
    }

    /** The Keycloak client a token-authenticated connection belongs to. */
    private record ClientPrincipal(String getName) implements Principal {
    }
}
