package nl.doelbinding.routes.amqp;

import nl.doelbinding.routes.Endpoints;
import nl.doelbinding.routes.Exchanges;
import nl.doelbinding.routes.auth.RequesterAuthenticator;
import nl.doelbinding.routes.auth.Role;
import nl.doelbinding.routes.http.Authenticate;
import nl.doelbinding.routes.http.BodyLimit;
import org.apache.camel.builder.RouteBuilder;

/**
 * The queue channel (api.md section 5): a request on {@code doelbinding.requests} is authenticated by its
 * {@code Authorization} application property, decided by {@code direct:decide} like any other, and answered on
 * its reply address with its correlation id. The listener's JMS session is transacted: the reply (or the dead
 * letter) is sent and the request acknowledged in one broker commit, after the decision's database commit. A
 * police system's decisions go only to the shared default or to addresses of its own ({@link ReplySpace}).
 */
public final class AmqpIntakeRoute extends RouteBuilder {
    private final AmqpSettings settings;
    private final RequesterAuthenticator authenticator;
    private final ReplyAddresses addresses;

    public AmqpIntakeRoute(AmqpSettings settings, RequesterAuthenticator authenticator, ReplyAddresses addresses) {
        this.settings = settings;
        this.authenticator = authenticator;
        this.addresses = addresses;
    }

    @Override
    public void configure() {
        from(settings.consumerUri()).routeId("amqp-intake").routeConfigurationId(AmqpDeadLetters.ID)
                .setHeader(Exchanges.CHANNEL, constant("amqp"))
                .process(new ReadReplyAddress(settings.replyQueue()))
                .process(new Authenticate(authenticator, Role.POLICE_REQUESTER))
                .process(new RequireOwnReplyAddress(settings.replies()))
                .process(new BodyLimit(settings.maxBodyBytes()))
                .to(Endpoints.DECIDE)
                .process(new RememberReplyAddress(addresses))
                .process(new DecisionReply())
                .to(settings.replyUri());
    }
}
