package nl.doelbinding.engine.verify;

import java.util.List;
import java.util.stream.Collectors;
import nl.doelbinding.engine.model.Decision;
import nl.doelbinding.engine.model.DisclosureRequest;
import nl.doelbinding.engine.model.FieldDecision;
import nl.doelbinding.engine.model.FieldName;
import nl.doelbinding.engine.model.LegalBasis;
import nl.doelbinding.engine.model.RequestHistory;
import nl.doelbinding.engine.model.RuleHit;
import nl.doelbinding.engine.model.Subject;

/** Writes a counterexample as a scenario file that {@code rules test} runs as it is. */
final class ScenarioCaseYaml {
    private ScenarioCaseYaml() {
    }

    static String write(Counterexample c) {
        DisclosureRequest request = c.request();
        Decision decision = c.decision();
        StringBuilder y = new StringBuilder();
        y.append("cases:\n");
        y.append("  - name: ").append(quote(c.invariant().id() + " counterexample")).append('\n');
        y.append("    # ").append(c.invariant().id()).append(" wants ").append(c.wanted()).append("; the ruleset decides ")
                .append(c.got()).append('\n');
        if (!c.invariant().description().isEmpty()) {
            y.append("    # ").append(oneLine(c.invariant().description()));
            if (!c.invariant().citation().isEmpty()) {
                y.append(" (").append(oneLine(c.invariant().citation())).append(')');
            }
            y.append('\n');
        }
        y.append("    request:\n");
        request.purpose().ifPresent(p -> y.append("      purpose: ").append(p).append('\n'));
        y.append("      legalBasis: ").append(legalBasis(request.legalBasis())).append('\n');
        request.caseReference().ifPresent(r -> y.append("      caseReference: ").append(quote(r)).append('\n'));
        y.append("      requester: { roles: [")
                .append(request.requester().roles().stream().sorted().collect(Collectors.joining(", ")))
                .append("], unit: ").append(quote(request.requester().unit())).append(" }\n");
        if (!request.history().equals(RequestHistory.NONE)) {
            y.append("      history: { earlierRequests: ").append(request.history().earlierRequests())
                    .append(", locationCoverage: ").append(request.history().locationCoverage()).append(" }\n");
        }
        y.append("      subjects: ").append(subjects(request.subjects())).append('\n');
        y.append("      fields: [ ").append(request.fields().stream().map(FieldName::value)
                .collect(Collectors.joining(", "))).append(" ]\n");
        y.append("    expect:\n");
        y.append("      decision: ").append(decision.overall()).append('\n');
        y.append("      fields: { ").append(decision.fields().stream()
                .map(f -> f.field() + ": " + f.outcome()).collect(Collectors.joining(", "))).append(" }\n");
        y.append("      rules: { ").append(decision.fields().stream()
                .map(f -> f.field() + ": " + f.decidedBy().rule()).collect(Collectors.joining(", "))).append(" }\n");
        y.append("      requestRules: [").append(decision.requestRules().stream().map(RuleHit::rule)
                .map(Object::toString).collect(Collectors.joining(", "))).append("]\n");
        return y.toString();
    }

    private static String legalBasis(LegalBasis basis) {
        StringBuilder b = new StringBuilder("{ instrument: ").append(basis.instrument());
        basis.reference().ifPresent(r -> b.append(", reference: ").append(quote(r)));
        basis.authorisationReference().ifPresent(r -> b.append(", authorisationReference: ").append(quote(r)));
        b.append(", oral: ").append(basis.oral()).append(" }");
        return b.toString();
    }

    private static String subjects(List<Subject> subjects) {
        if (subjects.isEmpty()) {
            return "[]";
        }
        return subjects.stream().map(s -> "{ vNumber: \"" + s.vNumber() + "\" }")
                .collect(Collectors.joining(", ", "[ ", " ]"));
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** A field decision in a few words, such as {@code DISCLOSE by VIOL-01}. */
    static String outcome(FieldDecision field) {
        return field.outcome() + " by " + field.decidedBy().rule();
    }
}
