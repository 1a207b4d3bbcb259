package nl.doelbinding.routes.auth;

import java.util.Arrays;
import java.util.Optional;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;

/** The realm roles of the {@code doelbinding} realm. The codes are stored and never change. */
public enum Role {
    /** Submit requests; read its own requests and decisions. */
    POLICE_REQUESTER("police-requester"),
    /** Upload draft rulesets, validate, run scenarios and replays. */
    LEGAL_AUTHOR("legal-author"),
    /** Approve a draft it did not author (four eyes). */
    LEGAL_APPROVER("legal-approver"),
    /** List and decide escalations. */
    LEGAL_REVIEWER("legal-reviewer"),
    /** Read decisions, audit records and ruleset history; verify the chain; replays. */
    AUDITOR("auditor"),
    /** Read the per-resident disclosure register (GDPR art. 15). */
    PRIVACY_OFFICER("privacy-officer"),
    /** Activate and roll back approved ruleset versions; operational endpoints. */
    ADMIN("admin");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    /** The realm role name as Keycloak puts it in {@code realm_access.roles}. */
    public String code() {
        return code;
    }

    /** The role with this realm role name; empty for Keycloak's own roles such as {@code offline_access}. */
    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public boolean heldBy(Requester requester) {
        return requester.roles().contains(code);
    }

    /** Throws FORBIDDEN unless the requester holds one of the roles. */
    public static void requireAny(Requester requester, Role... roles) {
        if (Arrays.stream(roles).noneMatch(r -> r.heldBy(requester))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "this endpoint needs the role "
                    + String.join(" or ", Arrays.stream(roles).map(Role::code).toList()));
        }
    }
}
