package nl.doelbinding.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.doelbinding.engine.model.FieldOutcome;

/**
 * A variant of the baseline with {@code count} more catalogue fields, so that a request can ask for 50
 * fields. Field {@code wide_field_NN} is in IDENTITY, LOCATION, ADMINISTRATIVE, CRIMINAL or SPECIAL in turn
 * and has a mask; each gets three rules in the vocabulary's sentences ({@code rules/wide-fields.dslr}):
 * masked in an investigation under 126nd/126nf, rejected for tracing and identification, disclosed (or,
 * if special, escalated) in a threat to life. Under the standard request (126nd) a non-special wide field
 * is decided MASK by its {@code WIDE-NN-INV} rule (INV-01/INV-02 also fire), a special one REJECT by
 * SPECIAL-01.
 */
final class WideCatalogue {
    private static final List<String> CATEGORIES = List.of("IDENTITY", "LOCATION", "ADMINISTRATIVE", "CRIMINAL",
            "SPECIAL");

    private WideCatalogue() {
    }

    static String field(int i) {
        return String.format("wide_field_%02d", i);
    }

    private static String category(int i) {
        return CATEGORIES.get((i - 1) % CATEGORIES.size());
    }

    /** The baseline's files plus {@code count} fields and their rules. */
    static Map<String, String> addTo(Map<String, String> baseline, int count) {
        Map<String, String> files = new TreeMap<>(baseline);
        StringBuilder catalogue = new StringBuilder("# Generated for benchmarks (bench/WideCatalogue).\nfields:\n");
        DslrWriter rules = new DslrWriter("Generated for benchmarks (bench/WideCatalogue): three rules per wide field.");
        for (int i = 1; i <= count; i++) {
            String name = field(i);
            boolean special = category(i).equals("SPECIAL");
            catalogue.append("  - name: ").append(name).append("\n    category: ").append(category(i))
                    .append("\n    description: Generated field ").append(i).append(".\n    mask: { keepLast: 2 }\n");
            String id = String.format("WIDE-%02d", i);
            rules.rule(id + "-INV " + name + " is masked under an order",
                    List.of("is for one of the purposes CRIMINAL_INVESTIGATION, FRAUD_INVESTIGATION",
                            "is based on one of SV_126ND, SV_126NF"),
                    List.of("is the field " + name), "mask the field", "AVG art. 6(1)(c); AVG art. 5(1)(c)",
                    "Only the last characters are needed for the investigation.");
            rules.rule(id + "-TRACE " + name + " is not needed to trace or identify",
                    List.of("is for one of the purposes TRACE_MISSING_RESIDENT, IDENTIFICATION"),
                    List.of("is the field " + name), "reject the field", "AVG art. 5(1)(c)",
                    "This data item is not needed to trace or identify a person.");
            rules.rule(id + "-THREAT " + name + " in a threat to life", List.of("is for the purpose THREAT_TO_LIFE"),
                    List.of("is the field " + name), special ? "escalate the field" : "disclose the field",
                    "AVG art. 6(1)(d)", "The data item may help avert the threat.");
        }
        files.put("catalogue/wide-fields.yaml", catalogue.toString());
        files.put("rules/wide-fields.dslr", rules.text());
        return files;
    }

    /**
     * The first {@code n} fields of: the standard twelve, the other eight baseline fields, then the wide
     * ones. So 1 field is {@code name}, 12 the standard request, 50 every field of a 30-field extension.
     */
    static List<String> requestFields(int n) {
        List<String> all = new ArrayList<>(StandardRequest.TWELVE_FIELDS);
        for (String f : StandardRequest.BASELINE_FIELDS) {
            if (!all.contains(f)) {
                all.add(f);
            }
        }
        for (int i = 1; all.size() < n; i++) {
            all.add(field(i));
        }
        return List.copyOf(all.subList(0, n));
    }

    /** Row D (126nd) for the baseline fields and the wide ones. */
    static Map<String, StandardRequest.Expected> rowD(int count) {
        Map<String, StandardRequest.Expected> m = new LinkedHashMap<>(StandardRequest.ROW_D);
        for (int i = 1; i <= count; i++) {
            m.put(field(i), category(i).equals("SPECIAL")
                    ? new StandardRequest.Expected(FieldOutcome.REJECT, "SPECIAL-01")
                    : new StandardRequest.Expected(FieldOutcome.MASK, String.format("WIDE-%02d-INV", i)));
        }
        return m;
    }
}
