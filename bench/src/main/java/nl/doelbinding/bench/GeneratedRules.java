package nl.doelbinding.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Makes a large ruleset from the baseline: adds {@code count} rules written in the vocabulary's own
 * sentences, with the purposes and fields they need added to the catalogue, deterministic for a seed.
 *
 * <ul>
 * <li>Catalogue: {@code count/10} purposes {@code GEN_PURPOSE_0001...}, each accepting a random subset of
 *     NONE, PUBLIC_TASK, VITAL_INTEREST, SV_126NC, SV_126ND, SV_126NF (some needing a case reference), and
 *     {@code count/50} fields {@code gen_field_0001...} in IDENTITY, LOCATION, ADMINISTRATIVE, CRIMINAL or
 *     SPECIAL (with a mask). Written to {@code catalogue/generated.yaml}.</li>
 * <li>60% purpose rows: a generated purpose, sometimes narrowed to some of its instruments or to no order,
 *     and a field condition (a category, two categories, one to three fields, one field, baseline or
 *     generated) with an outcome.</li>
 * <li>15% request-level rules for a generated purpose (no case reference, volume, oral order, no order,
 *     no instrument).</li>
 * <li>25% rules that share conditions with the standard request (CRIMINAL_INVESTIGATION under SV_126ND) but
 *     never all of them: the same purpose and order on generated fields; the purpose in a list with a
 *     generated one under another instrument, on the standard categories; request-level rules on the
 *     purpose whose other condition the standard request does not meet.</li>
 * </ul>
 * None of them fires for the standard request, so its decision stays exactly the baseline's; a benchmark
 * checks that. Rules go to {@code rules/generated/gen-NNN.dslr}, {@value #RULES_PER_FILE} per file.
 */
final class GeneratedRules {
    static final int RULES_PER_FILE = 100;
    static final long SEED = 20261128L;

    private static final List<String> INSTRUMENTS = List.of("NONE", "PUBLIC_TASK", "VITAL_INTEREST", "SV_126NC",
            "SV_126ND", "SV_126NF");
    private static final List<String> FIELD_CATEGORIES = List.of("IDENTITY", "LOCATION", "ADMINISTRATIVE",
            "CRIMINAL", "SPECIAL");
    private static final List<String> STANDARD_CATEGORIES = List.of("IDENTITY", "LOCATION", "ADMINISTRATIVE",
            "CRIMINAL", "SPECIAL", "BIOMETRIC");
    private static final List<String> FIELD_OUTCOMES = List.of("disclose the field", "escalate the field",
            "reject the field");

    private final Random random;
    private final List<Purpose> purposes = new ArrayList<>();
    private final List<String> generatedFields = new ArrayList<>();
    private final List<String> allFields = new ArrayList<>(StandardRequest.BASELINE_FIELDS);

    private record Purpose(String code, List<String> instruments, boolean caseReference) {
    }

    private GeneratedRules(long seed) {
        this.random = new Random(seed);
    }

    /** The baseline's files plus {@code count} generated rules and their catalogue entries. */
    static Map<String, String> addTo(Map<String, String> baseline, int count) {
        Map<String, String> files = new TreeMap<>(baseline);
        if (count > 0) {
            files.putAll(new GeneratedRules(SEED).generate(count));
        }
        return files;
    }

    private Map<String, String> generate(int count) {
        Map<String, String> files = new TreeMap<>();
        StringBuilder catalogue = new StringBuilder("# Generated for benchmarks (bench/GeneratedRules).\npurposes:\n");
        for (int i = 1; i <= Math.max(1, count / 10); i++) {
            List<String> accepted = new ArrayList<>();
            for (String instrument : INSTRUMENTS) {
                if (random.nextInt(10) < 4) {
                    accepted.add(instrument);
                }
            }
            if (accepted.isEmpty()) {
                accepted.add(pick(INSTRUMENTS));
            }
            Purpose p = new Purpose(String.format("GEN_PURPOSE_%04d", i), accepted, random.nextBoolean());
            purposes.add(p);
            catalogue.append("  - code: ").append(p.code).append("\n    description: Generated purpose ").append(i)
                    .append(".\n    instruments: [").append(String.join(", ", p.instruments))
                    .append("]\n    caseReferenceRequired: ").append(p.caseReference).append('\n');
        }
        catalogue.append("fields:\n");
        for (int i = 1; i <= Math.max(1, count / 50); i++) {
            String name = String.format("gen_field_%04d", i);
            generatedFields.add(name);
            allFields.add(name);
            catalogue.append("  - name: ").append(name).append("\n    category: ").append(pick(FIELD_CATEGORIES))
                    .append("\n    description: Generated field ").append(i).append(".\n    mask: { keepLast: 2 }\n");
        }
        files.put("catalogue/generated.yaml", catalogue.toString());

        DslrWriter file = null;
        for (int i = 1; i <= count; i++) {
            if ((i - 1) % RULES_PER_FILE == 0) {
                if (file != null) {
                    files.put(path(i - 1), file.text());
                }
                file = new DslrWriter("Generated rules for benchmarks (bench/GeneratedRules), seed " + SEED + ".");
            }
            String id = String.format("GEN-%05d", i);
            int kind = random.nextInt(100);
            if (kind < 60) {
                purposeRow(file, id);
            } else if (kind < 75) {
                requestLevel(file, id, pick(purposes).code);
            } else {
                sharedWithStandard(file, id);
            }
        }
        files.put(path(count), file.text());
        return files;
    }

    private static String path(int lastRule) {
        return String.format("rules/generated/gen-%03d.dslr", (lastRule - 1) / RULES_PER_FILE + 1);
    }

    private void purposeRow(DslrWriter file, String id) {
        Purpose p = pick(purposes);
        List<String> request = new ArrayList<>();
        request.add("is for the purpose " + p.code);
        int narrowing = random.nextInt(10);
        if (narrowing < 5) {
            List<String> some = subset(p.instruments);
            request.add(some.size() == 1 ? "is based on " + some.get(0) : "is based on one of " + String.join(", ", some));
        } else if (narrowing == 5) {
            request.add("is not based on a statutory order");
        }
        List<String> field = new ArrayList<>();
        String outcome = pick(FIELD_OUTCOMES);
        int f = random.nextInt(100);
        String what;
        if (f < 40) {
            String c = pick(STANDARD_CATEGORIES);
            field.add("is in the category " + c);
            what = c.toLowerCase() + " data";
        } else if (f < 55) {
            List<String> cs = distinct(STANDARD_CATEGORIES, 2);
            field.add("is in one of the categories " + String.join(", ", cs));
            what = String.join(" and ", cs).toLowerCase() + " data";
        } else if (f < 80) {
            List<String> fs = distinct(allFields, 1 + random.nextInt(3));
            field.add(fs.size() == 1 ? "is the field " + fs.get(0) : "is one of the fields " + String.join(", ", fs));
            what = String.join(", ", fs);
        } else {
            String name = pick(allFields);
            field.add("is the field " + name);
            if (generatedFields.contains(name) && random.nextBoolean()) {
                outcome = "mask the field";
            }
            what = name;
        }
        file.rule(id + " " + verb(outcome) + " " + what + " for " + p.code, request, field, outcome,
                "AVG art. 6(1)(e); policy " + p.code, "Generated rule: " + what + " for this purpose is "
                        + pastTense(outcome) + ".");
    }

    private void requestLevel(DslrWriter file, String id, String purpose) {
        switch (random.nextInt(5)) {
            case 0 -> file.rule(id + " Generated: a case reference for " + purpose, List.of("is for the purpose "
                    + purpose, "has no case reference"), null, "reject the request", "Sv art. 126nd(5)",
                    "Generated rule: this purpose needs a case reference.");
            case 1 -> file.rule(id + " Generated: volume for " + purpose, List.of("is for the purpose " + purpose,
                    "names more subjects than the volume threshold"), null, "escalate the request",
                    "AVG recital 31", "Generated rule: many persons for this purpose are reviewed.");
            case 2 -> file.rule(id + " Generated: oral orders for " + purpose, List.of("is for the purpose "
                    + purpose, "rests on an order given orally"), null, "escalate the request", "Sv art. 126nd(4)",
                    "Generated rule: an oral order for this purpose is verified first.");
            case 3 -> file.rule(id + " Generated: no order for " + purpose, List.of("is for the purpose " + purpose,
                    "is not based on a statutory order"), null, "escalate the request", "AVG art. 6(4)",
                    "Generated rule: without an order this purpose is reviewed.");
            default -> file.rule(id + " Generated: an instrument for " + purpose, List.of("is for the purpose "
                    + purpose, "is based on NONE"), null, "reject the request", "AVG art. 6(1)",
                    "Generated rule: this purpose needs a legal instrument.");
        }
    }

    /** Rules that meet some of the standard request's conditions (CRIMINAL_INVESTIGATION, SV_126ND), never all. */
    private void sharedWithStandard(DslrWriter file, String id) {
        int kind = random.nextInt(5);
        if (kind < 2) {
            // same purpose and order, on generated fields the standard request does not ask for
            List<String> fs = distinct(generatedFields, Math.min(generatedFields.size(), 1 + random.nextInt(2)));
            String outcome = random.nextBoolean() ? "mask the field" : pick(FIELD_OUTCOMES);
            file.rule(id + " Generated: " + String.join(", ", fs) + " in an investigation",
                    List.of(random.nextBoolean() ? "is for the purpose CRIMINAL_INVESTIGATION"
                                    : "is for one of the purposes CRIMINAL_INVESTIGATION, FRAUD_INVESTIGATION",
                            random.nextBoolean() ? "is based on SV_126ND" : "is based on one of SV_126ND, SV_126NF"),
                    List.of(fs.size() == 1 ? "is the field " + fs.get(0) : "is one of the fields " + String.join(", ", fs)),
                    outcome, "AVG art. 6(1)(c); Sv art. 126nd", "Generated rule: the order covers this data.");
        } else if (kind < 4) {
            // the purpose with a generated one, under an instrument the standard request does not name
            String other = pick(List.of("is based on SV_126NC", "is based on one of NONE, PUBLIC_TASK",
                    "is based on VITAL_INTEREST", "is not based on a statutory order"));
            String c = pick(STANDARD_CATEGORIES);
            file.rule(id + " Generated: " + c.toLowerCase() + " data for investigations and " + pick(purposes).code,
                    List.of("is for one of the purposes CRIMINAL_INVESTIGATION, " + pick(purposes).code, other),
                    List.of("is in the category " + c), pick(FIELD_OUTCOMES), "AVG art. 6(1)(c)",
                    "Generated rule: this instrument decides this category.");
        } else {
            // request-level on the purpose, with a condition the standard request does not meet
            requestLevel(file, id, "CRIMINAL_INVESTIGATION");
        }
    }

    private static String verb(String outcome) {
        String v = outcome.substring(0, outcome.indexOf(' '));
        return Character.toUpperCase(v.charAt(0)) + v.substring(1);
    }

    private static String pastTense(String outcome) {
        String v = outcome.substring(0, outcome.indexOf(' '));
        return v.endsWith("e") ? v + "d" : v + "ed";
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private List<String> subset(List<String> from) {
        List<String> some = new ArrayList<>();
        for (String s : from) {
            if (random.nextBoolean()) {
                some.add(s);
            }
        }
        return some.isEmpty() ? List.of(pick(from)) : some;
    }

    private List<String> distinct(List<String> from, int n) {
        List<String> copy = new ArrayList<>(from);
        Collections.shuffle(copy, random);
        return copy.subList(0, n);
    }
}
