package nl.doelbinding.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.FieldDecision;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.FieldOutcome;
import nl.doelbinding.engine.model.InstrumentCode;
import nl.doelbinding.engine.model.LegalBasis;
import nl.doelbinding.engine.model.OverallDecision;
import nl.doelbinding.engine.model.PurposeCode;
import nl.doelbinding.engine.model.Requester;
import nl.doelbinding.engine.model.Subject;
import nl.doelbinding.engine.model.VNumber;

/**
 * The benchmark's request: a criminal investigation under a prosecutor's 126nd order (row D of the
 * decision matrix), one named subject, with order and case reference. What the baseline decides for
 * each of its 20 fields is stated here from docs/rules/decisions.md (row D), so that a benchmark can
 * refuse to measure a path that does not decide as the baseline says.
 */
final class StandardRequest {
    /** The standard twelve fields, mixing all six categories. */
    static final List<String> TWELVE_FIELDS = List.of("name", "date_of_birth", "v_number", "nationality",
            "current_location", "phone", "arrival_date", "family_composition", "health", "religion",
            "incident_reports", "photo");

    /** The baseline catalogue's 20 fields, in catalogue order. */
    static final List<String> BASELINE_FIELDS = List.of("name", "date_of_birth", "sex", "v_number",
            "nationality", "current_location", "room", "phone", "arrival_date", "departure_status",
            "departure_date", "family_composition", "reporting_duty", "health", "ethnicity", "religion",
            "sexual_orientation", "incident_reports", "photo", "fingerprints");

    /** Row D (126nd) for every baseline field: outcome and the rule that decides it. */
    static final Map<String, Expected> ROW_D = rowD();

    record Expected(FieldOutcome outcome, String rule) {
    }

    private StandardRequest() {
    }

    private static Map<String, Expected> rowD() {
        Map<String, Expected> m = new LinkedHashMap<>();
        for (String f : List.of("name", "date_of_birth", "sex", "v_number", "nationality", "current_location",
                "room", "phone", "incident_reports")) {
            m.put(f, new Expected(FieldOutcome.DISCLOSE, "INV-01"));
        }
        for (String f : List.of("arrival_date", "departure_status", "departure_date", "reporting_duty")) {
            m.put(f, new Expected(FieldOutcome.DISCLOSE, "INV-02"));
        }
        m.put("family_composition", new Expected(FieldOutcome.GENERALISE, "INV-03"));
        for (String f : List.of("health", "ethnicity", "religion", "sexual_orientation")) {
            m.put(f, new Expected(FieldOutcome.REJECT, "SPECIAL-01"));
        }
        m.put("photo", new Expected(FieldOutcome.ESCALATE, "INV-04"));
        m.put("fingerprints", new Expected(FieldOutcome.REJECT, "BIO-01"));
        return Map.copyOf(m);
    }

    /** The standard request (purpose, order, subject, references) for the given fields. */
    static DisclosureRequest forFields(List<String> fields) {
        List<FieldName> names = new ArrayList<>(fields.size());
        for (String f : fields) {
            names.add(new FieldName(f));
        }
        return new DisclosureRequest("bench-0001", Optional.of(new PurposeCode("CRIMINAL_INVESTIGATION")),
                new LegalBasis(new InstrumentCode("SV_126ND"), Optional.of("OvJ-2026-0100"), Optional.empty(), false),
                Optional.of("ZAAK-2026-0100"), List.of(new Subject(new VNumber("1000001000"))), names,
                "Suspect in an investigation of theft with violence.",
                new Requester("s", "c", Set.of("police-requester"), "Unit"));
    }

    /**
     * Fails unless the decision is the expected one: every field's outcome and deciding rule, no
     * request-level rule, and the overall decision.
     */
    static void check(Decision decision, Map<String, Expected> expected, OverallDecision overall) {
        List<String> wrong = new ArrayList<>();
        if (decision.overall() != overall) {
            wrong.add("overall " + decision.overall() + " (expected " + overall + ")");
        }
        if (!decision.requestRules().isEmpty()) {
            wrong.add("request-level rules fired: " + decision.requestRules());
        }
        for (FieldDecision f : decision.fields()) {
            Expected e = expected.get(f.field().value());
            if (e == null || f.outcome() != e.outcome() || !f.decidedBy().rule().value().equals(e.rule())) {
                wrong.add(f.field() + ": " + f.outcome() + " by " + f.decidedBy().rule() + " (expected " + e + ")");
            }
        }
        if (decision.fields().size() != expected.size()) {
            wrong.add(decision.fields().size() + " fields decided, expected " + expected.size());
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("the engine does not decide as the baseline says: " + wrong);
        }
    }

    /** The expectations for the named fields only, from {@code table}. */
    static Map<String, Expected> select(Map<String, Expected> table, List<String> fields) {
        Map<String, Expected> m = new LinkedHashMap<>();
        for (String f : fields) {
            Expected e = table.get(f);
            if (e == null) {
                throw new IllegalArgumentException("no expectation for field " + f);
            }
            m.put(f, e);
        }
        return m;
    }
}
