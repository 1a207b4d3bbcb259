package nl.doelbinding.engine.verify;

import java.util.Optional;
import java.util.Set;
import nl.doelbinding.engine.catalogue.FieldDefinition;
import nl.doelbinding.engine.model.FieldCategory;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.InstrumentCode;
import nl.doelbinding.engine.model.PurposeCode;

/**
 * The {@code when} of an invariant: it narrows the decision space. Every key is a filter and the filters
 * combine with "and"; a key left out means every value. {@code categories} and {@code fields} both
 * narrow the fields (a field must pass both when both are given).
 *
 * @param categories     field categories
 * @param fields         fields
 * @param purposes       purposes; an empty {@code Optional} inside stands for "no purpose named"
 * @param instruments    legal instruments
 * @param authorisation  whether {@code legalBasis.authorisationReference} is present
 * @param oral           {@code legalBasis.oral}
 * @param caseReference  whether {@code caseReference} is present
 * @param orderReference whether {@code legalBasis.reference} is present (an extension of the format)
 * @param subjects       numbers of named subjects
 * @param earlierRequests the requester's earlier requests in the window (legal catalogue R8)
 * @param coverages       the requester's coverage of a location, in percent (legal catalogue R8)
 */
public record InvariantScope(Optional<Set<FieldCategory>> categories, Optional<Set<FieldName>> fields,
                             Optional<Set<Optional<PurposeCode>>> purposes, Optional<Set<InstrumentCode>> instruments,
                             Optional<Set<Boolean>> authorisation, Optional<Set<Boolean>> oral,
                             Optional<Set<Boolean>> caseReference, Optional<Set<Boolean>> orderReference,
                             Optional<Set<Integer>> subjects, Optional<Set<Integer>> earlierRequests,
                             Optional<Set<Integer>> coverages) {
    /** The whole space. */
    public static InvariantScope everything() {
        return new InvariantScope(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The same scope with other subject counts and history values (the ones of the space that stand for them). */
    InvariantScope withCounts(Optional<Set<Integer>> subjectCounts, Optional<Set<Integer>> earlier,
                              Optional<Set<Integer>> coverage) {
        return new InvariantScope(categories, fields, purposes, instruments, authorisation, oral, caseReference,
                orderReference, subjectCounts, earlier, coverage);
    }

    /** Whether requests with these request-level facts are in scope. */
    public boolean covers(RequestContext context) {
        return allows(purposes, context.purpose()) && allows(instruments, context.instrument())
                && allows(authorisation, context.authorisation()) && allows(oral, context.oral())
                && allows(caseReference, context.caseReference()) && allows(orderReference, context.orderReference())
                && allows(subjects, context.subjects())
                && allows(earlierRequests, context.history().earlierRequests())
                && allows(coverages, context.history().locationCoverage());
    }

    /** Whether the field is in scope. */
    public boolean covers(FieldDefinition field) {
        return allows(categories, field.category()) && allows(fields, field.name());
    }

    private static <T> boolean allows(Optional<Set<T>> values, T value) {
        return values.map(v -> v.contains(value)).orElse(true);
    }
}
