package nl.doelbinding.engine.drools;

import java.util.Set;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.catalogue.InstrumentDefinition;
import nl.doelbinding.engine.model.DisclosureRequest;

/**
 * The request-level facts a rule may test: purpose, instrument, its formalities, the subjects' number, the
 * requester's history as the holder counted it, and policy thresholds. It carries no field and no personal data. The vocabulary maps legal sentences
 * onto these properties; {@link #PROPERTIES} lists the only names a constraint may use.
 */
public final class RequestFact {
    static final Set<String> PROPERTIES = Set.of("hasPurpose", "purpose", "instrument", "order",
            "instrumentAccepted", "orderReference", "authorisation", "oral", "caseReference",
            "caseReferenceRequired", "subjects", "subjectThreshold", "unit", "earlierRequests", "requestThreshold",
            "locationCoverage", "coverageThreshold");

    private final boolean hasPurpose;
    private final String purpose;
    private final String instrument;
    private final boolean order;
    private final boolean instrumentAccepted;
    private final boolean orderReference;
    private final boolean authorisation;
    private final boolean oral;
    private final boolean caseReference;
    private final boolean caseReferenceRequired;
    private final int subjects;
    private final int subjectThreshold;
    private final String unit;
    private final int earlierRequests;
    private final int requestThreshold;
    private final int locationCoverage;
    private final int coverageThreshold;

    RequestFact(DisclosureRequest request, Catalogue catalogue) {
        this.hasPurpose = request.purpose().isPresent();
        this.purpose = request.purpose().map(p -> p.value()).orElse("");
        this.instrument = request.legalBasis().instrument().value();
        this.order = catalogue.instrument(request.legalBasis().instrument()).map(InstrumentDefinition::order)
                .orElse(false);
        this.instrumentAccepted = request.purpose()
                .map(p -> catalogue.accepts(p, request.legalBasis().instrument())).orElse(false);
        this.orderReference = request.legalBasis().reference().isPresent();
        this.authorisation = request.legalBasis().authorisationReference().isPresent();
        this.oral = request.legalBasis().oral();
        this.caseReference = request.caseReference().isPresent();
        this.caseReferenceRequired = request.purpose().flatMap(catalogue::purpose)
                .map(p -> p.caseReferenceRequired()).orElse(false);
        this.subjects = request.subjects().size();
        this.subjectThreshold = catalogue.policy().subjectThreshold();
        this.unit = request.requester().unit();
        this.earlierRequests = request.history().earlierRequests();
        this.requestThreshold = catalogue.policy().requestThreshold();
        this.locationCoverage = request.history().locationCoverage();
        this.coverageThreshold = catalogue.policy().coverageThreshold();
    }

    public boolean isHasPurpose() {
        return hasPurpose;
    }

    public String getPurpose() {
        return purpose;
    }

    public String getInstrument() {
        return instrument;
    }

    public boolean isOrder() {
        return order;
    }

    public boolean isInstrumentAccepted() {
        return instrumentAccepted;
    }

    public boolean isOrderReference() {
        return orderReference;
    }

    public boolean isAuthorisation() {
        return authorisation;
    }

    public boolean isOral() {
        return oral;
    }

    public boolean isCaseReference() {
        return caseReference;
    }

    public boolean isCaseReferenceRequired() {
        return caseReferenceRequired;
    }

    public int getSubjects() {
        return subjects;
    }

    public int getSubjectThreshold() {
        return subjectThreshold;
    }

    public String getUnit() {
        return unit;
    }

    public int getEarlierRequests() {
        return earlierRequests;
    }

    public int getRequestThreshold() {
        return requestThreshold;
    }

    public int getLocationCoverage() {
        return locationCoverage;
    }

    public int getCoverageThreshold() {
        return coverageThreshold;
    }
}
