package nl.doelbinding.bench;

import java.util.List;

/**
 * Writes rules in the baseline vocabulary's sentences (rules/baseline/vocabulary/legal-en.dsl), laid out as
 * the authored baseline rules are: conditions on the request, then on the requested field, one outcome,
 * a citation and a reason.
 */
final class DslrWriter {
    private final StringBuilder text = new StringBuilder();

    DslrWriter(String comment) {
        text.append("// ").append(comment).append("\n");
    }

    /**
     * Appends one rule.
     *
     * @param name      rule ID and title, such as {@code GEN-00001 Identity for a generated purpose}
     * @param request   the request's conditions ("is for the purpose X", ...), possibly empty
     * @param field     the requested field's conditions, or {@code null} for a request-level rule
     * @param outcome   "disclose the field", "reject the request", ...
     */
    DslrWriter rule(String name, List<String> request, List<String> field, String outcome, String citation,
                    String reason) {
        text.append("\nrule \"").append(name).append("\"\nwhen\n");
        if (!request.isEmpty()) {
            text.append("    the request\n");
            for (String c : request) {
                text.append("    - ").append(c).append('\n');
            }
        }
        if (field != null) {
            text.append("    the requested field\n");
            for (String c : field) {
                text.append("    - ").append(c).append('\n');
            }
        }
        text.append("then\n    ").append(outcome).append("\n    citing \"").append(citation)
                .append("\"\n    because \"").append(reason).append("\"\nend\n");
        return this;
    }

    String text() {
        return text.toString();
    }
}
