package nl.doelbinding.engine.catalogue;

import java.util.Objects;
import nl.doelbinding.engine.model.InstrumentCode;

/**
 * A legal instrument a requester may invoke.
 *
 * @param code        the code
 * @param description what it is, with its provision
 * @param order       true for a statutory order (vordering) under the Code of Criminal Procedure
 */
public record InstrumentDefinition(InstrumentCode code, String description, boolean order) {
    public InstrumentDefinition {
        Objects.requireNonNull(code, "code");
        description = description == null ? "" : description;
    }
}
