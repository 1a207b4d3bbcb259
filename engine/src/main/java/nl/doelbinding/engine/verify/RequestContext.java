package nl.doelbinding.engine.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.InstrumentCode;
import nl.doelbinding.engine.model.LegalBasis;
import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.model.RequestHistory;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.engine.model.Subject;
import nl.doelbinding.engine.model.VNumber;

/**
 * One point of the request-level part of the decision space: everything about a request that a rule can
 * see, except its fields. Texts (references, V-numbers) only matter by being present, so they are fixed.
 *
 * @param purpose        the purpose, empty for a request that names none
 * @param instrument     the legal instrument
 * @param orderReference whether {@code legalBasis.reference} is present
 * @param authorisation  whether {@code legalBasis.authorisationReference} is present
 * @param oral           {@code legalBasis.oral}
 * @param caseReference  whether {@code caseReference} is present
 * @param subjects       the number of named subjects
 * @param unit           the requester's organisational unit
 * @param history        the requester's earlier requests as the holder counted them
 */
public record RequestContext(Optional<PurposeCode> purpose, InstrumentCode instrument, boolean orderReference,
                             boolean authorisation, boolean oral, boolean caseReference, int subjects,
                             String unit, RequestHistory history) {
    static final String ORDER_REFERENCE = "ORDER-REF-1";
    static final String AUTHORISATION_REFERENCE = "RC-AUTH-1";
    static final String CASE_REFERENCE = "CASE-1";
    static final long FIRST_V_NUMBER = 1000000001L;

    public RequestContext {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(history, "history");
        if (subjects < 0) {
            throw new IllegalArgumentException("subjects must not be negative");
        }
    }

    /** A context of a first request (no history). */
    public RequestContext(Optional<PurposeCode> purpose, InstrumentCode instrument, boolean orderReference,
                          boolean authorisation, boolean oral, boolean caseReference, int subjects, String unit) {
        this(purpose, instrument, orderReference, authorisation, oral, caseReference, subjects, unit,
                RequestHistory.NONE);
    }

    /** The same facts with another number of subjects. */
    RequestContext withSubjects(int count) {
        return new RequestContext(purpose, instrument, orderReference, authorisation, oral, caseReference, count, unit,
                history);
    }

    /** The same facts with another history. */
    RequestContext withHistory(RequestHistory other) {
        return new RequestContext(purpose, instrument, orderReference, authorisation, oral, caseReference, subjects, unit,
                other);
    }

    /** How much history the context has: a measure of a counterexample's size (none is smallest). */
    int historySize() {
        return (history.earlierRequests() > 0 ? 1 : 0) + (history.locationCoverage() > 0 ? 1 : 0);
    }

    /** How many of the optional request elements are present: a measure of a counterexample's size. */
    int elementsPresent() {
        return (orderReference ? 1 : 0) + (authorisation ? 1 : 0) + (oral ? 1 : 0) + (caseReference ? 1 : 0);
    }

    /** The request with these facts that asks for {@code fields}. */
    public DisclosureRequest request(List<FieldName> fields) {
        List<Subject> named = new ArrayList<>(subjects);
        for (int i = 0; i < subjects; i++) {
            named.add(new Subject(new VNumber(String.valueOf(FIRST_V_NUMBER + i))));
        }
        LegalBasis basis = new LegalBasis(instrument, present(orderReference, ORDER_REFERENCE),
                present(authorisation, AUTHORISATION_REFERENCE), oral);
        return new DisclosureRequest("verify", purpose, basis, present(caseReference, CASE_REFERENCE), named, fields,
                "", new Requester("verify", "verify", Set.of("police-requester"), unit), history);
    }

    private static Optional<String> present(boolean present, String text) {
        return present ? Optional.of(text) : Optional.empty();
    }

    @Override
    public String toString() {
        return "purpose " + purpose.map(PurposeCode::value).orElse("(none)") + ", instrument " + instrument
                + ", order reference " + yesNo(orderReference) + ", authorisation " + yesNo(authorisation)
                + ", oral " + yesNo(oral) + ", case reference " + yesNo(caseReference) + ", " + subjects
                + " subject(s), unit " + unit + historyText();
    }

    private String historyText() {
        return history.equals(RequestHistory.NONE) ? "" : ", " + history.earlierRequests()
                + " earlier request(s), location coverage " + history.locationCoverage() + "%";
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
