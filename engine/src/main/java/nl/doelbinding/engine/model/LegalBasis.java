package nl.doelbinding.engine.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The legal ground a requester invokes.
 *
 * @param instrument             the instrument, {@link InstrumentCode#NONE} when none is named
 * @param reference              the order's or decision's reference, if any
 * @param authorisationReference the examining magistrate's written authorisation (needed for 126nf)
 * @param oral                   true when an urgent order was given orally (Sv art. 126nd(4))
 */
public record LegalBasis(InstrumentCode instrument, Optional<String> reference,
                         Optional<String> authorisationReference, boolean oral) {
    public LegalBasis {
        Objects.requireNonNull(instrument, "instrument");
        reference = blankToEmpty(reference);
        authorisationReference = blankToEmpty(authorisationReference);
    }

    /** A legal basis that names no instrument. */
    public static LegalBasis none() {
        return new LegalBasis(InstrumentCode.NONE, Optional.empty(), Optional.empty(), false);
    }

    static Optional<String> blankToEmpty(Optional<String> value) {
        return value == null ? Optional.empty() : value.filter(s -> !s.isBlank());
    }
}
