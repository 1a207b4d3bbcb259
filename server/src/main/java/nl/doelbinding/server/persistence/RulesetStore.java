package nl.doelbinding.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ruleset versions: immutable content, numbered in upload order, with a lifecycle
 * DRAFT -> APPROVED -> ACTIVE -> RETIRED (and RETIRED -> ACTIVE to roll back). At most one version is ACTIVE;
 * the database enforces it, so two nodes activating at once cannot both win.
 */
public final class RulesetStore {
    private static final String META = "version, sha256, status, author, upload_comment, created_at, approver,"
            + " approved_at, activated_by, activated_at, retired_at, effective_from";

    /** Stores an upload as the next version, status DRAFT. */
    public StoredRuleset create(Connection c, NewRuleset r) {
        try {
            int version;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(version), 0) + 1 FROM rulesets");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                version = rs.getInt(1);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rulesets (version, sha256, files, status,"
                    + " author, upload_comment, check_results, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setInt(1, version);
                ps.setString(2, r.sha256());
                ps.setString(3, r.filesJson());
                ps.setString(4, RulesetStatus.DRAFT.name());
                ps.setString(5, r.author());
                ps.setString(6, r.comment().orElse(null));
                ps.setString(7, r.checkResultsJson().orElse(null));
                ps.setObject(8, Jdbc.timestamp(r.createdAt()));
                ps.executeUpdate();
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    throw Jdbc.raceLost("create ruleset version", e);
                }
                throw e;
            }
            RulesetVersion meta = new RulesetVersion(version, r.sha256(), RulesetStatus.DRAFT, r.author(),
                    r.comment(), r.createdAt(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
            return new StoredRuleset(meta, r.filesJson(), r.checkResultsJson());
        } catch (SQLException e) {
            throw Jdbc.failure("create ruleset version", e);
        }
    }

    /** A version with its files. */
    public Optional<StoredRuleset> find(Connection c, int version) {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + META + ", files, check_results FROM rulesets"
                + " WHERE version = ?")) {
            ps.setInt(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredRuleset(meta(rs), rs.getString("files"),
                        Optional.ofNullable(rs.getString("check_results"))));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("find ruleset version", e);
        }
    }

    /** Every version's metadata, by version number. */
    public List<RulesetVersion> list(Connection c) {
        return metas(c, "SELECT " + META + " FROM rulesets ORDER BY version");
    }

    /** The active version, if any. */
    public Optional<RulesetVersion> active(Connection c) {
        return metas(c, "SELECT " + META + " FROM rulesets WHERE active_slot = 1").stream().findFirst();
    }

    /**
     * The APPROVED version whose effective date has come ({@code effective_from <= now}) and is later than the
     * active version's activation (an activation after the date supersedes it); the latest such date wins.
     */
    public Optional<RulesetVersion> due(Connection c, Instant now) {
        Optional<Instant> activeSince = active(c).flatMap(RulesetVersion::activatedAt);
        return metas(c, "SELECT " + META + " FROM rulesets WHERE status = ? AND effective_from IS NOT NULL"
                + " AND effective_from <= ? ORDER BY effective_from DESC, version DESC",
                RulesetStatus.APPROVED.name(), Jdbc.timestamp(now)).stream()
                .filter(v -> activeSince.isEmpty() || v.effectiveFrom().orElseThrow().isAfter(activeSince.get()))
                .findFirst();
    }

    /** The latest version with this content hash, if the same content was uploaded before. */
    public Optional<RulesetVersion> findBySha256(Connection c, String sha256) {
        return metas(c, "SELECT " + META + " FROM rulesets WHERE sha256 = ? ORDER BY version DESC", sha256)
                .stream().findFirst();
    }

    /** Records compile, safety and scenario results of a DRAFT. */
    public LifecycleResult recordChecks(Connection c, int version, String checkResultsJson) {
        Objects.requireNonNull(checkResultsJson, "checkResultsJson");
        return step(c, version, current -> {
            if (current.status() != RulesetStatus.DRAFT) {
                return new LifecycleResult.WrongStatus(current);
            }
            update(c, "UPDATE rulesets SET check_results = ? WHERE version = ?", checkResultsJson, version);
            return null;
        });
    }

    /** Four-eyes approval of a DRAFT by someone other than its author. */
    public LifecycleResult approve(Connection c, int version, String approver, Instant at) {
        return approve(c, version, approver, at, Optional.empty());
    }

    /**
     * Four-eyes approval of a DRAFT by someone other than its author; with an effective date, the version
     * activates itself at that moment (see {@link #due}).
     */
    public LifecycleResult approve(Connection c, int version, String approver, Instant at,
                                   Optional<Instant> effectiveFrom) {
        Objects.requireNonNull(approver, "approver");
        return step(c, version, current -> {
            if (current.status() != RulesetStatus.DRAFT) {
                return new LifecycleResult.WrongStatus(current);
            }
            if (current.author().equals(approver)) {
                return new LifecycleResult.SameAuthor(current);
            }
            update(c, "UPDATE rulesets SET status = ?, approver = ?, approved_at = ?, effective_from = ?"
                    + " WHERE version = ?", RulesetStatus.APPROVED.name(), approver, Jdbc.timestamp(at),
                    Jdbc.timestamp(effectiveFrom.orElse(null)), version);
            return null;
        });
    }

    /**
     * Makes an APPROVED (or, to roll back, a RETIRED) version the active one; the previously active version is
     * retired in the same transaction.
     */
    public LifecycleResult activate(Connection c, int version, String admin, Instant at) {
        Objects.requireNonNull(admin, "admin");
        return step(c, version, current -> {
            if (current.status() != RulesetStatus.APPROVED && current.status() != RulesetStatus.RETIRED) {
                return new LifecycleResult.WrongStatus(current);
            }
            update(c, "UPDATE rulesets SET status = ?, active_slot = NULL, retired_at = ? WHERE active_slot = 1",
                    RulesetStatus.RETIRED.name(), Jdbc.timestamp(at));
            try {
                update(c, "UPDATE rulesets SET status = ?, active_slot = 1, activated_by = ?, activated_at = ?,"
                        + " retired_at = NULL WHERE version = ?", RulesetStatus.ACTIVE.name(), admin,
                        Jdbc.timestamp(at), version);
            } catch (SQLException e) {
                if (Jdbc.isUniqueViolation(e)) {
                    throw Jdbc.raceLost("activate ruleset version", e);
                }
                throw e;
            }
            return null;
        });
    }

    /** Retires a version that is not retired yet (an ACTIVE one leaves no active version). */
    public LifecycleResult retire(Connection c, int version, Instant at) {
        return step(c, version, current -> {
            if (current.status() == RulesetStatus.RETIRED) {
                return new LifecycleResult.WrongStatus(current);
            }
            update(c, "UPDATE rulesets SET status = ?, active_slot = NULL, retired_at = ? WHERE version = ?",
                    RulesetStatus.RETIRED.name(), Jdbc.timestamp(at), version);
            return null;
        });
    }

    /** A lifecycle check-and-change on a version row locked for the rest of the transaction. */
    @FunctionalInterface
    private interface Step {
        /** Returns a refusal, or null after changing the row. */
        LifecycleResult apply(RulesetVersion current) throws SQLException;
    }

    private LifecycleResult step(Connection c, int version, Step step) {
        try {
            List<RulesetVersion> locked = metas(c, "SELECT " + META + " FROM rulesets WHERE version = ? FOR UPDATE",
                    version);
            if (locked.isEmpty()) {
                return new LifecycleResult.NotFound(version);
            }
            LifecycleResult refused = step.apply(locked.get(0));
            if (refused != null) {
                return refused;
            }
            return new LifecycleResult.Done(metas(c, "SELECT " + META + " FROM rulesets WHERE version = ?", version)
                    .get(0));
        } catch (SQLException e) {
            throw Jdbc.failure("change ruleset lifecycle", e);
        }
    }

    private static void update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    private static List<RulesetVersion> metas(Connection c, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<RulesetVersion> all = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(meta(rs));
                }
            }
            return all;
        } catch (SQLException e) {
            throw Jdbc.failure("read ruleset versions", e);
        }
    }

    private static RulesetVersion meta(ResultSet rs) throws SQLException {
        return new RulesetVersion(rs.getInt("version"), rs.getString("sha256"),
                RulesetStatus.valueOf(rs.getString("status")), rs.getString("author"),
                Optional.ofNullable(rs.getString("upload_comment")), Jdbc.instant(rs, "created_at"),
                Optional.ofNullable(rs.getString("approver")), Optional.ofNullable(Jdbc.instant(rs, "approved_at")),
                Optional.ofNullable(rs.getString("activated_by")),
                Optional.ofNullable(Jdbc.instant(rs, "activated_at")),
                Optional.ofNullable(Jdbc.instant(rs, "retired_at")),
                Optional.ofNullable(Jdbc.instant(rs, "effective_from")));
    }
}
