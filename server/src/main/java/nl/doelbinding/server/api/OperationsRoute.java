package nl.doelbinding.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import nl.doelbinding.engine.port.ActiveRuleset;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code GET /health} answers 200 only when the server can decide (an active ruleset and a reachable
 * database); {@code GET /metrics} is the Prometheus scrape. Both are bound to the configured (loopback) host.
 */
public final class OperationsRoute extends RouteBuilder {
    private final ActiveRuleset rulesets;
    private final DataSource database;
    private final PrometheusMeterRegistry metrics;

    public OperationsRoute(ActiveRuleset rulesets, DataSource database, PrometheusMeterRegistry metrics) {
        this.rulesets = rulesets;
        this.database = database;
        this.metrics = metrics;
    }

    @Override
    public void configure() {
        rest("/").get("/health").to("direct:health").get("/metrics").to("direct:metrics");
        from("direct:health").routeId("health").process(this::health);
        from("direct:metrics").routeId("metrics").process(e -> JsonReply.reply(e, 200, metrics.scrape(),
                "text/plain; version=0.0.4; charset=utf-8"));
    }

    private void health(Exchange exchange) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        boolean databaseUp = databaseUp();
        var engine = rulesets.current();
        body.put("database", databaseUp ? "UP" : "DOWN");
        engine.ifPresentOrElse(e -> {
            ObjectNode ruleset = body.putObject("ruleset");
            e.reference().version().ifPresent(v -> ruleset.put("version", v));
            ruleset.put("sha256", e.reference().sha256());
        }, () -> body.putNull("ruleset"));
        boolean up = databaseUp && engine.isPresent();
        body.put("status", up ? "UP" : "DOWN");
        JsonReply.reply(exchange, up ? 200 : 503, body.toString(), "application/json");
    }

    private boolean databaseUp() {
        try (Connection c = database.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
