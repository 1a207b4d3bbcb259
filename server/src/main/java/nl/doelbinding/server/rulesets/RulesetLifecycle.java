package nl.doelbinding.server.rulesets;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import nl.doelbinding.engine.io.ValidationError;
import nl.doelbinding.engine.ruleset.RulesetSource;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;
import nl.doelbinding.server.persistence.LifecycleResult;
import nl.doelbinding.server.persistence.NewRuleset;
import nl.doelbinding.server.persistence.RulesetStatus;
import nl.doelbinding.server.persistence.RulesetStep;
import nl.doelbinding.server.persistence.RulesetStore;
import nl.doelbinding.server.persistence.RulesetVersion;
import nl.doelbinding.server.persistence.StoredRuleset;
import nl.doelbinding.server.persistence.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ruleset lifecycle (issue 5): upload a draft (checked and stored immutably), four-eyes approval (only of
 * a draft that passed every check, by someone other than its author), activation by an admin (of an approved
 * version, or of an earlier one to roll back), and activation on an effective date. Every step is in the
 * version's history and in the audit chain; a step out of order is a 409 problem.
 */
public final class RulesetLifecycle {
    /** The actor of activations on an approved effective date. */
    public static final String EFFECTIVE_DATE = "system:effective-date";
    private static final Logger LOG = LoggerFactory.getLogger(RulesetLifecycle.class);

    private final Transactions transactions;
    private final RulesetStore store;
    private final RulesetJournal journal;
    private final RulesetChecks checks;
    private final StoredActiveRuleset active;
    private final Clock clock;

    public RulesetLifecycle(Transactions transactions, RulesetStore store, RulesetJournal journal,
                            RulesetChecks checks, StoredActiveRuleset active, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.journal = journal;
        this.checks = checks;
        this.active = active;
        this.clock = clock;
    }

    /** A stored draft with its checks. */
    public record Uploaded(RulesetVersion version, CheckReport checks) {
    }

    /** Checks an uploaded ruleset and stores it as the next version (a draft), even when a check fails. */
    public Uploaded upload(String author, Optional<String> comment, RulesetSource source) {
        CheckReport report = checks.run(source, activeSource());
        RulesetVersion stored = transactions.inTransaction(c -> {
            RulesetVersion created = store.create(c, new NewRuleset(source.sha256(),
                    CompiledVersions.filesJson(source), author, comment, Optional.of(report.text()),
                    clock.instant())).meta();
            journal.record(c, RulesetStep.UPLOADED, created, author, clock.instant(), Optional.empty());
            journal.record(c, RulesetStep.VALIDATED, created, author, clock.instant(), Optional.of(verdict(report)));
            return created;
        });
        LOG.info("ruleset version {} uploaded ({})", stored.version(), verdict(report));
        return new Uploaded(stored, report);
    }

    /**
     * Four-eyes approval. Refused (409) unless the version is a draft, the approver is not its author, and every
     * check passed, including the invariants of the version active now (re-checked when another version became
     * active since the upload).
     */
    public RulesetVersion approve(int version, String approver, Optional<Instant> effectiveFrom) {
        StoredRuleset stored = find(version);
        RulesetVersion meta = stored.meta();
        if (meta.status() != RulesetStatus.DRAFT) {
            throw outOfOrder(meta, "only a draft can be approved");
        }
        if (sameSubject(meta.author(), approver)) {
            throw new ProblemException(ProblemType.CONFLICT, "version " + version
                    + " cannot be approved by its author: four eyes means two people");
        }
        CheckReport report = currentChecks(stored);
        if (!report.passed()) {
            List<ValidationError> reasons = report.reasons();
            throw new ProblemException(ProblemType.CONFLICT, "version " + version + " failed " + reasons.size()
                    + " check(s) and cannot be approved: " + reasons.get(0).property() + ": "
                    + firstLine(reasons.get(0).message()), reasons);
        }
        Instant now = clock.instant();
        return transactions.inTransaction(c -> {
            RulesetVersion approved = done(store.approve(c, version, approver, now, effectiveFrom), "approved");
            journal.record(c, RulesetStep.APPROVED, approved, approver, now,
                    effectiveFrom.map(at -> "effective from " + at));
            return approved;
        });
    }

    /**
     * Makes an approved version (or an earlier, retired one: a rollback) the active one on every node; this node
     * switches before it returns, the others at their next poll.
     */
    public RulesetVersion activate(int version, String admin) {
        RulesetVersion activated = transactions.inTransaction(c -> activateIn(c, version, admin));
        active.refresh();
        return activated;
    }

    /** Activates the approved version whose effective date has come, if any (called by every node's poller). */
    public Optional<RulesetVersion> activateDue() {
        // Compiled before the switch in the database, so that this node's refresh right after it is instant.
        transactions.inTransaction(c -> store.due(c, clock.instant())).ifPresent(v -> active.prepare(v.version()));
        return transactions.inTransaction(c -> store.due(c, clock.instant())
                .map(v -> activateIn(c, v.version(), EFFECTIVE_DATE)));
    }

    private RulesetVersion activateIn(java.sql.Connection c, int version, String admin) {
        Instant now = clock.instant();
        Optional<RulesetVersion> previous = store.active(c).filter(v -> v.version() != version);
        Optional<RulesetVersion> before = store.find(c, version).map(StoredRuleset::meta);
        LifecycleResult result = store.activate(c, version, admin, now);
        if (result instanceof LifecycleResult.WrongStatus wrong && wrong.version().status() == RulesetStatus.ACTIVE
                && admin.equals(EFFECTIVE_DATE)) {
            return wrong.version();
        }
        RulesetVersion activated = done(result, "activated");
        if (previous.isPresent()) {
            RulesetVersion retired = store.find(c, previous.get().version()).orElseThrow().meta();
            journal.record(c, RulesetStep.RETIRED, retired, admin, now,
                    Optional.of("replaced by version " + version));
        }
        boolean rollback = before.map(v -> v.status() == RulesetStatus.RETIRED).orElse(false);
        journal.record(c, RulesetStep.ACTIVATED, activated, admin, now, Optional.of((rollback ? "rollback; " : "")
                + previous.map(p -> "replaces version " + p.version()).orElse("no version was active")));
        LOG.info("ruleset version {} activated{}", version, rollback ? " (rollback)" : "");
        return activated;
    }

    private CheckReport currentChecks(StoredRuleset stored) {
        CheckReport recorded = stored.checkResultsJson().map(CheckReport::parse).orElse(null);
        Optional<RulesetChecks.Active> now = activeSource();
        OptionalInt activeVersion = now.map(a -> OptionalInt.of(a.version())).orElse(OptionalInt.empty());
        if (recorded != null && recorded.invariantsOfActiveVersion().equals(activeVersion)) {
            return recorded;
        }
        CheckReport report = checks.run(CompiledVersions.source(stored), now);
        transactions.run(c -> {
            done(store.recordChecks(c, stored.meta().version(), report.text()), "validated");
            journal.record(c, RulesetStep.VALIDATED, stored.meta(), "system:approval-gate", clock.instant(),
                    Optional.of(verdict(report) + activeVersion.stream().mapToObj(v -> " against version " + v)
                            .findFirst().orElse("")));
        });
        return report;
    }

    private Optional<RulesetChecks.Active> activeSource() {
        return transactions.inTransaction(c -> store.active(c).flatMap(v -> store.find(c, v.version())))
                .map(s -> new RulesetChecks.Active(s.meta().version(), CompiledVersions.source(s)));
    }

    private StoredRuleset find(int version) {
        return transactions.inTransaction(c -> store.find(c, version)).orElseThrow(() ->
                new ProblemException(ProblemType.NOT_FOUND, "no ruleset version " + version));
    }

    private static RulesetVersion done(LifecycleResult result, String step) {
        if (result instanceof LifecycleResult.Done d) {
            return d.version();
        }
        if (result instanceof LifecycleResult.NotFound n) {
            throw new ProblemException(ProblemType.NOT_FOUND, "no ruleset version " + n.version());
        }
        if (result instanceof LifecycleResult.WrongStatus w) {
            throw outOfOrder(w.version(), "it cannot be " + step + " now");
        }
        LifecycleResult.SameAuthor same = (LifecycleResult.SameAuthor) result;
        throw new ProblemException(ProblemType.CONFLICT, "version " + same.version().version()
                + " cannot be approved by its author: four eyes means two people");
    }

    private static ProblemException outOfOrder(RulesetVersion version, String why) {
        return new ProblemException(ProblemType.CONFLICT, "version " + version.version() + " is "
                + version.status() + ": " + why);
    }

    /** Actors are {@code client/subject}; the person is the subject, whichever client they used. */
    static boolean sameSubject(String a, String b) {
        return a.substring(a.indexOf('/') + 1).equals(b.substring(b.indexOf('/') + 1));
    }

    private static String verdict(CheckReport report) {
        return report.passed() ? "all checks passed" : report.reasons().size() + " check(s) failed";
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
