package nl.doelbinding.server.rulesets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import nl.doelbinding.engine.decision.RulesetDecisionEngine;
import nl.doelbinding.engine.drools.DroolsRulesetCompiler;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.port.ActiveRuleset;
import nl.doelbinding.engine.ruleset.CompilationResult;
import nl.doelbinding.engine.ruleset.RulesetSource;
import nl.doelbinding.server.audit.AuditChain;
import nl.doelbinding.server.audit.AuditEventType;
import nl.doelbinding.server.persistence.LifecycleResult;
import nl.doelbinding.server.persistence.NewRuleset;
import nl.doelbinding.server.persistence.RulesetStore;
import nl.doelbinding.server.persistence.RulesetVersion;
import nl.doelbinding.server.persistence.StoredRuleset;
import nl.doelbinding.server.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active ruleset version, as the database says. On first start the baseline becomes version 1,
 * approved and activated by the system. {@link #refresh()} picks up a newly activated version (every node
 * polls), compiling it once and swapping it in atomically; requests already deciding keep their engine.
 */
public final class StoredActiveRuleset implements ActiveRuleset {
    public static final String SYSTEM_AUTHOR = "system:baseline";
    public static final String SYSTEM_APPROVER = "system:bootstrap";
    private static final Logger LOG = LoggerFactory.getLogger(StoredActiveRuleset.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transactions transactions;
    private final RulesetStore store;
    private final AuditChain audit;
    private final Clock clock;
    private final AtomicReference<RulesetDecisionEngine> active = new AtomicReference<>();

    public StoredActiveRuleset(Transactions transactions, RulesetStore store, AuditChain audit, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<RulesetDecisionEngine> current() {
        return Optional.ofNullable(active.get());
    }

    /** Makes the baseline version 1 and active when the database has no active version yet. */
    public void bootstrap(RulesetSource baseline) {
        transactions.run(c -> {
            if (store.active(c).isPresent()) {
                return;
            }
            int version = store.findBySha256(c, baseline.sha256()).map(RulesetVersion::version).orElseGet(() ->
                    store.create(c, new NewRuleset(baseline.sha256(), filesJson(baseline), SYSTEM_AUTHOR,
                            Optional.of("baseline ruleset, loaded on first start"), Optional.empty(),
                            clock.instant())).meta().version());
            String payload = "{\"version\":" + version + ",\"sha256\":\"" + baseline.sha256() + "\"}";
            audit.append(c, AuditEventType.RULESET_UPLOADED, SYSTEM_AUTHOR, null, payload);
            expectDone(store.approve(c, version, SYSTEM_APPROVER, clock.instant()));
            audit.append(c, AuditEventType.RULESET_APPROVED, SYSTEM_APPROVER, null, payload);
            expectDone(store.activate(c, version, SYSTEM_APPROVER, clock.instant()));
            audit.append(c, AuditEventType.RULESET_ACTIVATED, SYSTEM_APPROVER, null, payload);
            LOG.info("baseline ruleset {} stored as version {} and activated", baseline.sha256(), version);
        });
        refresh();
    }

    /** Loads the active version if it changed. Returns true when the active engine was replaced. */
    public boolean refresh() {
        Optional<StoredRuleset> stored = transactions.inTransaction(c -> store.active(c)
                .flatMap(v -> store.find(c, v.version())));
        if (stored.isEmpty()) {
            if (active.getAndSet(null) != null) {
                LOG.error("ALERT: no ruleset version is active any more; requests are refused until one is");
            }
            return false;
        }
        RulesetVersion meta = stored.get().meta();
        RulesetDecisionEngine current = active.get();
        if (current != null && current.reference().version().equals(OptionalInt.of(meta.version()))) {
            return false;
        }
        RulesetSource source = RulesetSource.of(files(stored.get().filesJson()));
        CompilationResult compiled = new DroolsRulesetCompiler().compile(source);
        if (!compiled.ok() || !source.sha256().equals(meta.sha256())) {
            LOG.error("ALERT: active ruleset version {} does not compile or its content does not match its hash;"
                    + " keeping the previous version", meta.version());
            return false;
        }
        active.set(new RulesetDecisionEngine(compiled.orThrow(),
                new RulesetRef(OptionalInt.of(meta.version()), meta.sha256())));
        LOG.info("ruleset version {} ({}) is active", meta.version(), meta.sha256());
        return true;
    }

    private static void expectDone(LifecycleResult result) {
        if (!(result instanceof LifecycleResult.Done)) {
            throw new IllegalStateException("bootstrapping the baseline failed: " + result);
        }
    }

    static String filesJson(RulesetSource source) {
        try {
            return JSON.writeValueAsString(source.files());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> files(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored ruleset files are not valid JSON", e);
        }
    }
}
