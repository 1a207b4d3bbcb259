package nl.doelbinding.server.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.doelbinding.engine.port.ResidentDirectory;
import nl.doelbinding.engine.ruleset.RulesetSource;
import nl.doelbinding.routes.DecideRoute;
import nl.doelbinding.routes.DecisionMetrics;
import nl.doelbinding.routes.DispatchRoute;
import nl.doelbinding.routes.Endpoints;
import nl.doelbinding.routes.OutcomeRoutes;
import nl.doelbinding.routes.auth.RequesterAuthenticator;
import nl.doelbinding.routes.flow.DecisionService;
import nl.doelbinding.routes.flow.ReleaseBuilder;
import nl.doelbinding.routes.http.HttpIntakeRoute;
import nl.doelbinding.routes.http.ProblemRouteConfiguration;
import nl.doelbinding.routes.http.RestSetup;
import nl.doelbinding.server.api.AdminApi;
import nl.doelbinding.server.api.AdminApiRoute;
import nl.doelbinding.server.api.OperationsRoute;
import nl.doelbinding.server.api.OralOrderApi;
import nl.doelbinding.server.flow.OralOrders;
import io.micrometer.core.instrument.Gauge;
import nl.doelbinding.server.api.RulesetApi;
import nl.doelbinding.server.api.RulesetApiRoute;
import nl.doelbinding.server.audit.AuditChain;
import nl.doelbinding.server.channels.Channels;
import nl.doelbinding.server.flow.JdbcDecisionLog;
import nl.doelbinding.server.flow.VolumeLedger;
import nl.doelbinding.server.flow.ReviewService;
import nl.doelbinding.server.flow.Stores;
import nl.doelbinding.server.identity.CachingTokenVerifier;
import nl.doelbinding.server.identity.KeycloakTokenVerifier;
import nl.doelbinding.server.identity.TokenAuthenticator;
import nl.doelbinding.server.persistence.Database;
import nl.doelbinding.server.persistence.VolumeStore;
import nl.doelbinding.server.residents.JdbcResidentDirectory;
import nl.doelbinding.server.residents.ResidentTableMapping;
import nl.doelbinding.server.residents.SyntheticRegister;
import nl.doelbinding.server.persistence.RulesetHistory;
import nl.doelbinding.server.rulesets.CompiledVersions;
import nl.doelbinding.server.rulesets.RulesetChecks;
import nl.doelbinding.server.rulesets.RulesetJournal;
import nl.doelbinding.server.rulesets.RulesetLifecycle;
import nl.doelbinding.server.rulesets.RulesetReplay;
import nl.doelbinding.server.rulesets.StoredActiveRuleset;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: database (migrated), active ruleset (the baseline on first start), resident
 * register, token verification, and the Camel routes over Jetty. {@link #close()} stops it cleanly.
 */
public final class DoelbindingServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DoelbindingServer.class);
    /** Verified bearer tokens remembered until they expire (one per client in steady use; bounded). */
    private static final int VERIFIED_TOKENS_REMEMBERED = 10_000;

    private final ServerConfig config;
    private final Database database;
    private final HikariDataSource residentDatabase;
    private final CamelContext camel;
    private final ScheduledExecutorService poller;
    private final StoredActiveRuleset rulesets;
    private final Channels channels;

    private DoelbindingServer(ServerConfig config, Database database, HikariDataSource residentDatabase, CamelContext camel,
                              ScheduledExecutorService poller, StoredActiveRuleset rulesets, Channels channels) {
        this.config = config;
        this.database = database;
        this.residentDatabase = residentDatabase;
        this.camel = camel;
        this.poller = poller;
        this.rulesets = rulesets;
        this.channels = channels;
    }

    /** Starts a server with the given baseline ruleset (stored as version 1 on first start). */
    public static DoelbindingServer start(ServerConfig config, RulesetSource baseline) throws Exception {
        Clock clock = Clock.systemUTC();
        Database database = Database.open(config.databaseConfig());
        Stores stores = Stores.create();
        AuditChain audit = new AuditChain(clock);
        RulesetHistory history = new RulesetHistory();
        RulesetJournal journal = new RulesetJournal(audit, history);
        CompiledVersions versions = new CompiledVersions(database.transactions(), stores.rulesets());
        StoredActiveRuleset rulesets = new StoredActiveRuleset(database.transactions(), stores.rulesets(), journal,
                versions, clock);
        rulesets.bootstrap(baseline);
        RulesetLifecycle lifecycle = new RulesetLifecycle(database.transactions(), stores.rulesets(), journal,
                new RulesetChecks(), rulesets, clock);
        HikariDataSource residentDatabase = config.residents.database == null ? null
                : registerPool(config.residents.database);
        ResidentDirectory residents = residents(config, database, residentDatabase);
        Duration clockSkew = Duration.ofSeconds(config.keycloak.clockSkewSeconds);
        RequesterAuthenticator authenticator = new TokenAuthenticator(new CachingTokenVerifier(
                KeycloakTokenVerifier.create(KeycloakTokenVerifier.Settings.forIssuer(config.keycloak.issuer)
                        .withClockSkew(clockSkew).withUnitClaim(config.keycloak.unitClaim),
                        URI.create(config.keycloak.jwks())),
                clock, clockSkew, VERIFIED_TOKENS_REMEMBERED));
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        VolumeLedger volume = new VolumeLedger(database.transactions(), new VolumeStore(), residents, clock);
        JdbcDecisionLog log = new JdbcDecisionLog(database.transactions(), stores, audit, clock, residents, volume);
        ReleaseBuilder releases = new ReleaseBuilder(residents, PseudonymKeyFile.load(config.pseudonymKeyPath()),
                rulesets);
        ReviewService reviews = new ReviewService(database.transactions(), stores, audit, clock, residents);

        CamelContext camel = new DefaultCamelContext();
        camel.getPropertiesComponent().setInitialProperties(properties(config));
        camel.addRoutes(new ProblemRouteConfiguration());
        camel.addRoutes(new RestSetup());
        camel.addRoutes(new HttpIntakeRoute(authenticator, config.http.maxBodyBytes));
        camel.addRoutes(new DecideRoute(new DecisionService(rulesets, log, volume, clock), new DecisionMetrics(metrics)));
        camel.addRoutes(new DispatchRoute());
        camel.addRoutes(new OutcomeRoutes(releases));
        OralOrders oralOrders = new OralOrders(database.transactions(), stores, audit, clock);
        Gauge.builder("doelbinding_oral_orders_overdue", oralOrders, OralOrders::overdueCount)
                .description("Oral orders whose written order is past due (legal catalogue R7)")
                .register(metrics);
        camel.addRoutes(new AdminApiRoute(new AdminApi(log, rulesets, releases, reviews, database.transactions(),
                stores, audit), new OralOrderApi(oralOrders), authenticator, config.http.maxBodyBytes));
        camel.addRoutes(new RulesetApiRoute(new RulesetApi(database.transactions(), stores.rulesets(), history,
                lifecycle, new RulesetReplay(database.transactions(), stores, versions), clock), authenticator,
                config.http.maxBodyBytes));
        camel.addRoutes(new OperationsRoute(rulesets, database.dataSource(), metrics));
        Channels channels = Channels.install(camel, config, authenticator, rulesets, database.transactions(), clock);
        try {
            camel.start();
        } catch (Exception | Error e) {
            camel.close();
            channels.close();
            throw e;
        }

        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ruleset-poller");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                lifecycle.activateDue();
                rulesets.refresh();
            } catch (RuntimeException e) {
                LOG.error("ALERT: polling the active ruleset failed: {}", e.getClass().getName());
            }
        }, config.rulesetPollSeconds, config.rulesetPollSeconds, TimeUnit.SECONDS);
        LOG.info("doelbinding listening on http://{}:{}", config.http.host, config.http.port);
        return new DoelbindingServer(config, database, residentDatabase, camel, poller, rulesets, channels);
    }

    /** The holder's own register database: read-only use, no migrations of ours. */
    private static HikariDataSource registerPool(ServerConfig.Db db) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(db.url);
        pool.setUsername(db.user);
        pool.setPassword(db.password);
        pool.setMaximumPoolSize(db.poolSize);
        pool.setReadOnly(true);
        pool.setPoolName("resident-register");
        return new HikariDataSource(pool);
    }

    private static ResidentDirectory residents(ServerConfig config, Database database, HikariDataSource residentDatabase)
            throws IOException {
        ServerConfig.Residents settings = config.residents;
        switch (settings.source) {
            case "synthetic" -> {
                int loaded = new SyntheticRegister().load(database.dataSource());
                LOG.info("synthetic resident register ready ({} residents loaded now)", loaded);
                return new JdbcResidentDirectory(database.dataSource());
            }
            case "jdbc" -> {
                javax.sql.DataSource source = residentDatabase != null ? residentDatabase : database.dataSource();
                return new JdbcResidentDirectory(source, ResidentTableMapping.fromConfig(settings.table,
                        settings.keyColumn, settings.columns));
            }
            default -> throw new IOException("residents.source must be 'synthetic' or 'jdbc', not '"
                    + settings.source + "'");
        }
    }

    private static Properties properties(ServerConfig config) {
        Properties properties = new Properties();
        properties.setProperty(RestSetup.HOST_KEY, config.http.host);
        properties.setProperty(RestSetup.PORT_KEY, String.valueOf(config.http.port));
        properties.setProperty(Endpoints.REDACTION_KEY, config.endpoints.redaction);
        properties.setProperty(Endpoints.ESCALATION_KEY, config.endpoints.escalation);
        properties.setProperty(Endpoints.REJECTION_KEY, config.endpoints.rejection);
        return properties;
    }

    public ServerConfig config() {
        return config;
    }

    public StoredActiveRuleset rulesets() {
        return rulesets;
    }

    public Database database() {
        return database;
    }

    /** The queue and file-drop channels (the AMQP address, the drop folders). */
    public Channels channels() {
        return channels;
    }

    public String baseUrl() {
        return "http://" + config.http.host + ":" + config.http.port;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            camel.close();
        } catch (Exception e) {
            LOG.warn("stopping the routes failed: {}", e.getClass().getName());
        }
        channels.close();
        if (residentDatabase != null) {
            residentDatabase.close();
        }
        database.close();
    }
}
