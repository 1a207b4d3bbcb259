package nl.doelbinding.routes.auth;

import java.util.Arrays;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.routes.problem.ProblemException;
import nl.doelbinding.routes.problem.ProblemType;

/** The realm roles of identity.md and the check that a caller has one of them. */
public enum Roles {
    POLICE_REQUESTER("police-requester"),
    LEGAL_AUTHOR("legal-author"),
    LEGAL_APPROVER("legal-approver"),
    LEGAL_REVIEWER("legal-reviewer"),
    AUDITOR("auditor"),
    PRIVACY_OFFICER("privacy-officer"),
    ADMIN("admin");

    private final String code;

    Roles(String code) {
        this.code = code;
    }

    /** The role's name in the realm, as stored in tokens. */
    public String code() {
        return code;
    }

    public boolean heldBy(Requester requester) {
        return requester.roles().contains(code);
    }

    /** Throws FORBIDDEN unless the requester holds one of the roles. */
    public static void requireAny(Requester requester, Roles... roles) {
        if (Arrays.stream(roles).noneMatch(r -> r.heldBy(requester))) {
            throw new ProblemException(ProblemType.FORBIDDEN, "this endpoint needs the role "
                    + String.join(" or ", Arrays.stream(roles).map(Roles::code).toList()));
        }
    }
}
