package nl.doelbinding.server.rulesets;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import nl.doelbinding.engine.decision.RulesetDecisionEngine;
import nl.doelbinding.engine.model.RulesetRef;
import nl.doelbinding.engine.port.ActiveRuleset;
import nl.doelbinding.engine.ruleset.RulesetSource;
import nl.doelbinding.server.persistence.LifecycleResult;
import nl.doelbinding.server.persistence.NewRuleset;
import nl.doelbinding.server.persistence.RulesetStep;
import nl.doelbinding.server.persistence.RulesetStore;
import nl.doelbinding.server.persistence.RulesetVersion;
import nl.doelbinding.server.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active ruleset version, as the database says. On first start the baseline becomes version 1,
 * approved and activated by the system. {@link #refresh()} picks up a newly activated version (every node
 * polls; the node that activates calls it at once), compiling it once and swapping it in atomically; requests
 * already deciding keep the engine they took. When the database names no usable active version, nothing is
 * active and requests are refused (fail closed).
 */
public final class StoredActiveRuleset implements ActiveRuleset {
    public static final String SYSTEM_AUTHOR = "system:baseline";
    public static final String SYSTEM_APPROVER = "system:bootstrap";
    private static final Logger LOG = LoggerFactory.getLogger(StoredActiveRuleset.class);

    private final Transactions transactions;
    private final RulesetStore store;
    private final RulesetJournal journal;
    private final CompiledVersions versions;
    private final Clock clock;
    private final AtomicReference<RulesetDecisionEngine> active = new AtomicReference<>();

    public StoredActiveRuleset(Transactions transactions, RulesetStore store, RulesetJournal journal,
                               CompiledVersions versions, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.journal = journal;
        this.versions = versions;
        this.clock = clock;
    }

    @Override
    public Optional<RulesetDecisionEngine> current() {
        return Optional.ofNullable(active.get());
    }

    @Override
    public Optional<RulesetDecisionEngine> decidedBy(RulesetRef ref) {
        RulesetDecisionEngine now = active.get();
        if (now != null && now.reference().equals(ref)) {
            return Optional.of(now);
        }
        return versions.engine(ref);
    }

    /** Compiles a version ahead of its activation (kept with the compiled versions). */
    public void prepare(int version) {
        versions.engine(version);
    }

    /** Makes the baseline version 1 and active when the database has no active version yet. */
    public void bootstrap(RulesetSource baseline) {
        transactions.run(c -> {
            if (store.active(c).isPresent()) {
                return;
            }
            int version = store.findBySha256(c, baseline.sha256()).map(RulesetVersion::version).orElseGet(() ->
                    store.create(c, new NewRuleset(baseline.sha256(), CompiledVersions.filesJson(baseline),
                            SYSTEM_AUTHOR, Optional.of("baseline ruleset, loaded on first start"), Optional.empty(),
                            clock.instant())).meta().version());
            RulesetVersion uploaded = store.find(c, version).orElseThrow().meta();
            journal.record(c, RulesetStep.UPLOADED, uploaded, SYSTEM_AUTHOR, clock.instant(), Optional.empty());
            RulesetVersion approved = expectDone(store.approve(c, version, SYSTEM_APPROVER, clock.instant()));
            journal.record(c, RulesetStep.APPROVED, approved, SYSTEM_APPROVER, clock.instant(), Optional.empty());
            RulesetVersion activated = expectDone(store.activate(c, version, SYSTEM_APPROVER, clock.instant()));
            journal.record(c, RulesetStep.ACTIVATED, activated, SYSTEM_APPROVER, clock.instant(), Optional.empty());
            LOG.info("baseline ruleset {} stored as version {} and activated", baseline.sha256(), version);
        });
        refresh();
    }

    /**
     * Loads the active version if it changed. Returns true when the active engine was replaced. Serialised, so
     * that a poll that read the database before an activation cannot overwrite the activation's switch.
     */
    public synchronized boolean refresh() {
        Optional<RulesetVersion> meta = transactions.inTransaction(store::active);
        if (meta.isEmpty()) {
            if (active.getAndSet(null) != null) {
                LOG.error("ALERT: no ruleset version is active any more; requests are refused until one is");
            }
            return false;
        }
        RulesetDecisionEngine current = active.get();
        if (current != null && current.reference().version().equals(OptionalInt.of(meta.get().version()))
                && current.reference().sha256().equals(meta.get().sha256())) {
            return false;
        }
        Optional<RulesetDecisionEngine> loaded = versions.engine(meta.get().version())
                .filter(e -> e.reference().sha256().equals(meta.get().sha256()));
        if (loaded.isEmpty()) {
            active.set(null);
            LOG.error("ALERT: active ruleset version {} does not compile or its content does not match its hash;"
                    + " requests are refused until a usable version is active", meta.get().version());
            return false;
        }
        active.set(loaded.get());
        LOG.info("ruleset version {} ({}) is active", meta.get().version(), meta.get().sha256());
        return true;
    }

    private static RulesetVersion expectDone(LifecycleResult result) {
        if (!(result instanceof LifecycleResult.Done done)) {
            throw new IllegalStateException("bootstrapping the baseline failed: " + result);
        }
        return done.version();
    }
}
