package nl.doelbinding.routes.problem;

/** The kinds of problem the API reports, with their HTTP status and a stable type URI. */
public enum ProblemType {
    INVALID_REQUEST(400, "The request is malformed or uses unknown codes"),
    UNAUTHENTICATED(401, "Missing or invalid token"),
    FORBIDDEN(403, "Not allowed for this role"),
    NOT_FOUND(404, "Not found"),
    CONFLICT(409, "Conflict"),
    PAYLOAD_TOO_LARGE(413, "The request body is too large"),
    UNAVAILABLE(503, "The server cannot decide safely now");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** A stable identifier of the problem type. */
    public String uri() {
        return "https://doelbinding.nl/problems/" + name().toLowerCase().replace('_', '-');
    }
}
