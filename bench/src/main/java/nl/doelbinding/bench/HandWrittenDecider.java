package nl.doelbinding.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.doelbinding.engine.DecisionEngine;
import nl.doelbinding.engine.catalogue.Catalogue;
import nl.doelbinding.engine.catalogue.FieldDefinition;
import nl.doelbinding.engine.catalogue.InstrumentDefinition;
import nl.doelbinding.engine.catalogue.PurposeDefinition;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.FieldCategory;
import nl.doelbinding.engine.model.FieldDecision;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.RuleHit;
import nl.doelbinding.engine.model.RuleId;
import nl.doelbinding.engine.model.RulesetRef;

/**
 * The floor: the baseline's decision written by hand as Java {@code switch}es over purpose, instrument and
 * field, with the engine's combining semantics (most restrictive wins, ties in ruleset order, default
 * deny, redaction method check, overall decision). It produces the same {@link Decision} as the engine,
 * rule IDs, citations and explanations included (the texts are read from the ruleset once).
 *
 * <p>Scope: every request-level rule of a first request (R8's history rules, REQ-VOLUME-02/03, are not
 * written out), and the field rules that can fire for the investigation purposes (CRIMINAL_INVESTIGATION,
 * FRAUD_INVESTIGATION: rows C, D, E, 126nc, special categories, biometrics) or for a request without a
 * purpose. Other purposes throw {@link UnsupportedOperationException}: the floor
 * exists to price the standard request, not to replace the ruleset.
 */
final class HandWrittenDecider implements DecisionEngine {
    private static final String DEFAULT_CITATION = "AVG art. 5(1)(b)-(c)";
    private static final String DEFAULT_EXPLANATION = "No rule permits this field for this purpose, so it is not"
            + " released (purpose limitation and data minimisation).";

    private final Catalogue catalogue;
    private final RulesetRef ruleset;
    private final RuleHit defaultDeny = new RuleHit(RuleId.DEFAULT_DENY, FieldOutcome.REJECT, DEFAULT_CITATION,
            DEFAULT_EXPLANATION);
    private final RuleHit reqPurpose01;
    private final RuleHit reqConsent01;
    private final RuleHit reqInstrument01;
    private final RuleHit reqSubjects01;
    private final RuleHit reqOrder01;
    private final RuleHit reqOrder02;
    private final RuleHit reqOral01;
    private final RuleHit reqVolume01;
    private final RuleHit reqCase01;
    private final RuleHit reqVoluntary01;
    private final RuleHit bio01;
    private final RuleHit fraud01;
    private final RuleHit fraud02;
    private final RuleHit fraud03;
    private final RuleHit inv01;
    private final RuleHit inv02;
    private final RuleHit inv03;
    private final RuleHit inv04;
    private final RuleHit inv05;
    private final RuleHit nc01;
    private final RuleHit nc02;
    private final RuleHit special01;
    private final RuleHit special02;
    private final RuleHit special03;

    HandWrittenDecider(Catalogue catalogue, RuleTexts texts, RulesetRef ruleset) {
        this.catalogue = catalogue;
        this.ruleset = ruleset;
        reqPurpose01 = texts.hit("REQ-PURPOSE-01", FieldOutcome.REJECT);
        reqConsent01 = texts.hit("REQ-CONSENT-01", FieldOutcome.REJECT);
        reqInstrument01 = texts.hit("REQ-INSTRUMENT-01", FieldOutcome.REJECT);
        reqSubjects01 = texts.hit("REQ-SUBJECTS-01", FieldOutcome.REJECT);
        reqOrder01 = texts.hit("REQ-ORDER-01", FieldOutcome.REJECT);
        reqOrder02 = texts.hit("REQ-ORDER-02", FieldOutcome.REJECT);
        reqOral01 = texts.hit("REQ-ORAL-01", FieldOutcome.ESCALATE);
        reqVolume01 = texts.hit("REQ-VOLUME-01", FieldOutcome.ESCALATE);
        reqCase01 = texts.hit("REQ-CASE-01", FieldOutcome.REJECT);
        reqVoluntary01 = texts.hit("REQ-VOLUNTARY-01", FieldOutcome.ESCALATE);
        bio01 = texts.hit("BIO-01", FieldOutcome.REJECT);
        fraud01 = texts.hit("FRAUD-01", FieldOutcome.ESCALATE);
        fraud02 = texts.hit("FRAUD-02", FieldOutcome.REJECT);
        fraud03 = texts.hit("FRAUD-03", FieldOutcome.REJECT);
        inv01 = texts.hit("INV-01", FieldOutcome.DISCLOSE);
        inv02 = texts.hit("INV-02", FieldOutcome.DISCLOSE);
        inv03 = texts.hit("INV-03", FieldOutcome.GENERALISE);
        inv04 = texts.hit("INV-04", FieldOutcome.ESCALATE);
        inv05 = texts.hit("INV-05", FieldOutcome.ESCALATE);
        nc01 = texts.hit("NC-01", FieldOutcome.DISCLOSE);
        nc02 = texts.hit("NC-02", FieldOutcome.REJECT);
        special01 = texts.hit("SPECIAL-01", FieldOutcome.REJECT);
        special02 = texts.hit("SPECIAL-02", FieldOutcome.REJECT);
        special03 = texts.hit("SPECIAL-03", FieldOutcome.ESCALATE);
    }

    @Override
    public Decision decide(DisclosureRequest request) {
        String purpose = request.purpose().map(p -> p.value()).orElse("");
        boolean investigation = switch (purpose) {
            case "CRIMINAL_INVESTIGATION", "FRAUD_INVESTIGATION" -> true;
            case "" -> false;
            default -> throw new UnsupportedOperationException("the floor covers the investigation purposes only");
        };
        String instrument = request.legalBasis().instrument().value();
        boolean order = catalogue.instrument(request.legalBasis().instrument()).map(InstrumentDefinition::order)
                .orElse(false);

        List<RuleHit> requestHits = requestRules(request, purpose, instrument, order);
        RuleHit requestRejection = null;
        for (RuleHit h : requestHits) {
            if (h.outcome() == FieldOutcome.REJECT) {
                requestRejection = h;
                break;
            }
        }
        List<FieldDecision> fields = new ArrayList<>(request.fields().size());
        List<RuleHit> fieldHits = new ArrayList<>(4);
        for (FieldName field : request.fields()) {
            Optional<FieldDefinition> definition = catalogue.field(field);
            fieldHits.clear();
            fieldRules(purpose, investigation, instrument, order, field.value(), definition.orElse(null), fieldHits);
            List<RuleHit> fired = new ArrayList<>(requestHits.size() + fieldHits.size());
            fired.addAll(requestHits);
            fired.addAll(fieldHits);
            RuleHit decisive;
            if (requestRejection != null) {
                decisive = requestRejection;
            } else if (fieldHits.isEmpty()) {
                decisive = defaultDeny;
            } else {
                decisive = fired.get(0);
                for (RuleHit h : fired) {
                    if (h.outcome().isMoreRestrictiveThan(decisive.outcome())) {
                        decisive = h;
                    }
                }
            }
            decisive = withRedactionMethod(decisive, definition);
            fields.add(new FieldDecision(field, decisive.outcome(), decisive, fired));
        }
        return new Decision(request.requestId(), overall(requestRejection != null, fields), ruleset, requestHits,
                fields);
    }

    /** rules/request.dslr, in file order. */
    private List<RuleHit> requestRules(DisclosureRequest request, String purpose, String instrument, boolean order) {
        List<RuleHit> hits = new ArrayList<>(2);
        boolean hasPurpose = !purpose.isEmpty();
        boolean accepted = hasPurpose && catalogue.accepts(request.purpose().get(), request.legalBasis().instrument());
        boolean oral = request.legalBasis().oral();
        int subjects = request.subjects().size();
        if (!hasPurpose) {
            hits.add(reqPurpose01);
        }
        if (instrument.equals("CONSENT")) {
            hits.add(reqConsent01);
        } else if (hasPurpose && !accepted) {
            hits.add(reqInstrument01);
        }
        if (subjects == 0) {
            hits.add(reqSubjects01);
        }
        if (order && !oral && request.legalBasis().reference().isEmpty()) {
            hits.add(reqOrder01);
        }
        if (instrument.equals("SV_126NF") && request.legalBasis().authorisationReference().isEmpty()) {
            hits.add(reqOrder02);
        }
        if (oral) {
            hits.add(reqOral01);
        }
        if (subjects > catalogue.policy().subjectThreshold()) {
            hits.add(reqVolume01);
        }
        if (hasPurpose && request.caseReference().isEmpty()
                && catalogue.purpose(request.purpose().get()).map(PurposeDefinition::caseReferenceRequired).orElse(false)) {
            hits.add(reqCase01);
        }
        if (instrument.equals("NONE") && accepted) {
            hits.add(reqVoluntary01);
        }
        return hits;
    }

    /** The field rules, in ruleset order (files by path: biometric, fraud, investigation, order-126nc, special). */
    private void fieldRules(String purpose, boolean investigation, String instrument, boolean order, String name,
                            FieldDefinition definition, List<RuleHit> hits) {
        FieldCategory category = definition == null ? null : definition.category();
        boolean special = category == FieldCategory.SPECIAL;
        if (name.equals("fingerprints")) {
            hits.add(bio01);
        }
        if (purpose.equals("FRAUD_INVESTIGATION") && !order && category != null) {
            switch (category) {
                case IDENTITY -> hits.add(fraud01);
                case LOCATION, ADMINISTRATIVE, CRIMINAL -> hits.add(fraud02);
                default -> { }
            }
            if (name.equals("photo")) {
                hits.add(fraud03);
            }
        }
        if (investigation) {
            switch (instrument) {
                case "SV_126ND", "SV_126NF" -> {
                    if (category != null) {
                        switch (category) {
                            case IDENTITY, LOCATION, CRIMINAL -> hits.add(inv01);
                            case ADMINISTRATIVE -> hits.add(inv02);
                            default -> { }
                        }
                    }
                    if (instrument.equals("SV_126ND") && definition != null && definition.revealsSpecialCategory()) {
                        hits.add(inv03);
                    }
                    if (name.equals("photo")) {
                        hits.add(inv04);
                    }
                    if (instrument.equals("SV_126NF") && definition != null && definition.revealsSpecialCategory()) {
                        hits.add(inv05);
                    }
                }
                default -> { }
            }
        }
        if (instrument.equals("SV_126NC")) {
            boolean identifying = switch (name) {
                case "name", "date_of_birth", "sex", "v_number", "current_location" -> true;
                default -> false;
            };
            if (identifying && investigation) {
                hits.add(nc01);
            }
            if (!identifying && !special) {
                hits.add(nc02);
            }
        }
        if (special) {
            switch (instrument) {
                case "SV_126NF" -> hits.add(investigation ? special03 : special02);
                default -> hits.add(special01); // THREAT_TO_LIFE is outside the floor's scope
            }
        }
    }

    private static RuleHit withRedactionMethod(RuleHit decisive, Optional<FieldDefinition> definition) {
        boolean available = switch (decisive.outcome()) {
            case MASK -> definition.flatMap(FieldDefinition::mask).isPresent();
            case GENERALISE -> definition.flatMap(FieldDefinition::generalise).isPresent();
            case DISCLOSE, PSEUDONYMISE -> definition.isPresent();
            case ESCALATE, REJECT -> true;
        };
        if (available) {
            return decisive;
        }
        return new RuleHit(RuleId.NO_REDACTION_METHOD, FieldOutcome.REJECT, "AVG art. 5(1)(c); art. 25(2)",
                "Rule " + decisive.rule() + " asks to " + decisive.outcome().name().toLowerCase()
                        + " this field, but the catalogue defines no method for that, so it is not released.");
    }

    private static OverallDecision overall(boolean requestRejected, List<FieldDecision> fields) {
        if (requestRejected || fields.isEmpty()) {
            return OverallDecision.REJECTED;
        }
        boolean escalated = false;
        int rejected = 0;
        for (FieldDecision f : fields) {
            escalated |= f.outcome() == FieldOutcome.ESCALATE;
            rejected += f.outcome() == FieldOutcome.REJECT ? 1 : 0;
        }
        if (escalated) {
            return OverallDecision.ESCALATED;
        }
        if (rejected == fields.size()) {
            return OverallDecision.REJECTED;
        }
        return rejected > 0 ? OverallDecision.PARTIALLY_RELEASED : OverallDecision.RELEASED;
    }
}
