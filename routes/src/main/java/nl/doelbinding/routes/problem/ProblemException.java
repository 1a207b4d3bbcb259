package nl.doelbinding.routes.problem;

import java.util.List;
import nl.doelbinding.engine.io.ValidationError;

/**
 * An error that the edge turns into an RFC 9457 problem (HTTP) or a dead-letter reason (messaging).
 * Its detail is shown to the caller, so it never holds personal data.
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ProblemType type;
    private final transient List<ValidationError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<ValidationError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
