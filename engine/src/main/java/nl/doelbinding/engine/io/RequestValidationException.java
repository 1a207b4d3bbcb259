package nl.doelbinding.engine.io;

import java.util.List;
import java.util.stream.Collectors;

/** A request that cannot be decided because it is malformed or uses unknown codes. */
public final class RequestValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<ValidationError> errors;

    public RequestValidationException(List<ValidationError> errors) {
        super(errors.stream().map(ValidationError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
