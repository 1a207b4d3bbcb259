package nl.doelbinding.server.it;

/** Who calls the API: the police systems (client credentials), the demo users (password grant) and no one. */
enum Caller {
    POLICE_DEMO("police-demo", "police-demo-secret", true),
    POLICE_OTHER("police-other", "police-other-secret", true),
    AUTHOR("author", "demo", false),
    APPROVER("approver", "demo", false),
    APPROVER2("approver2", "demo", false),
    /** Both legal-author and legal-approver: may approve others' drafts, never its own. */
    COUNSEL("counsel", "demo", false),
    REVIEWER("reviewer", "demo", false),
    AUDITOR("auditor", "demo", false),
    ADMIN("admin", "demo", false),
    PRIVACY("privacy", "demo", false),
    NOBODY("nobody", "demo", false),
    /** No Authorization header at all. */
    ANONYMOUS(null, null, false);

    final String login;
    final String secret;
    final boolean serviceAccount;

    Caller(String login, String secret, boolean serviceAccount) {
        this.login = login;
        this.secret = secret;
        this.serviceAccount = serviceAccount;
    }

    /** The name used in the role x endpoint table. */
    String label() {
        return login == null ? "none" : login;
    }

    static Caller byLabel(String label) {
        for (Caller caller : values()) {
            if (caller.label().equals(label)) {
                return caller;
            }
        }
        throw new IllegalArgumentException("no caller " + label);
    }
}
