package nl.doelbinding.engine.drools;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.doelbinding.engine.model.RuleId;
import nl.doelbinding.engine.ruleset.RuleStage;
import nl.doelbinding.engine.ruleset.RulesetProblem;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Validates the expanded DRL of one authored file: a rule may only match the engine's two fact types
 * with plain comparisons, see at most one requested field (field independence), and its action must be
 * exactly one verdict with a citation and an explanation. Anything else is refused at the author's line.
 */
final class RuleSafetyCheck {
    static final String REQUEST_TYPE = "RequestFact";
    static final String FIELD_TYPE = "FieldFact";
    static final String FIELD_BINDING = "$field";

    private static final Pattern RESERVED_IDS = Pattern.compile("DEFAULT-DENY|ENGINE-.*|REVIEW(-.*)?");
    private static final Pattern NAME = Pattern.compile("(" + RuleId.PATTERN.pattern() + ")\\s+([^\"\\\\]+)");
    /** A citation or explanation: a quoted text with at least one visible character. */
    private static final String TEXT = "\"[^\"\\\\]*[^\"\\\\\\s][^\"\\\\]*\"";
    private static final Pattern FIELD_ACTION = Pattern.compile(
            "verdicts\\s*\\.\\s*field\\(\\s*kcontext\\s*,\\s*\\$field\\s*,\\s*FieldOutcome\\."
                    + "(DISCLOSE|MASK|GENERALISE|PSEUDONYMISE|ESCALATE|REJECT)\\s*\\)\\s*"
                    + "\\.\\s*citing\\(\\s*(" + TEXT + ")\\s*\\)\\s*\\.\\s*because\\(\\s*(" + TEXT + ")\\s*\\)\\s*;");
    private static final Pattern REQUEST_ACTION = Pattern.compile(
            "verdicts\\s*\\.\\s*request\\(\\s*kcontext\\s*,\\s*FieldOutcome\\.(ESCALATE|REJECT)\\s*\\)\\s*"
                    + "\\.\\s*citing\\(\\s*(" + TEXT + ")\\s*\\)\\s*\\.\\s*because\\(\\s*(" + TEXT + ")\\s*\\)\\s*;");

    /** What the check learned about a rule that passed. */
    record CheckedRule(RuleId id, String title, int line, RuleStage stage, String drlName) {
    }

    private RuleSafetyCheck() {
    }

    static List<CheckedRule> check(PackageDescr pkg, ExpandedFile file, Consumer<RulesetProblem> problems) {
        String path = file.path();
        refuseIf(!pkg.getImports().isEmpty(), path, "imports", problems);
        refuseIf(!pkg.getGlobals().isEmpty(), path, "globals", problems);
        refuseIf(!pkg.getFunctions().isEmpty(), path, "functions", problems);
        refuseIf(!pkg.getTypeDeclarations().isEmpty() || !pkg.getEnumDeclarations().isEmpty(), path,
                "type declarations", problems);
        refuseIf(!pkg.getFunctionImports().isEmpty() || !pkg.getAccumulateImports().isEmpty(), path,
                "function imports", problems);
        refuseIf(!pkg.getEntryPointDeclarations().isEmpty() || !pkg.getWindowDeclarations().isEmpty(), path,
                "entry points and windows", problems);
        refuseIf(!pkg.getAttributes().isEmpty(), path, "package attributes", problems);
        List<CheckedRule> checked = new ArrayList<>();
        for (RuleDescr rule : pkg.getRules()) {
            int line = file.authorLine(rule.getLine());
            checkRule(rule, path, line, problems).ifPresent(checked::add);
        }
        return checked;
    }

    private static void refuseIf(boolean present, String path, String what, Consumer<RulesetProblem> problems) {
        if (present) {
            problems.accept(new RulesetProblem(path, 0, what + " are not allowed in authored rules"));
        }
    }

    private static Optional<CheckedRule> checkRule(RuleDescr rule, String path, int line,
                                                   Consumer<RulesetProblem> problems) {
        List<RulesetProblem> found = new ArrayList<>();
        Consumer<String> refuse = message -> found.add(new RulesetProblem(path, line,
                "rule \"" + rule.getName() + "\": " + message));
        Matcher name = NAME.matcher(rule.getName());
        if (!name.matches()) {
            refuse.accept("a rule's name must start with its ID (such as SPECIAL-01) followed by a title");
        } else if (RESERVED_IDS.matcher(name.group(1)).matches()) {
            refuse.accept("the ID " + name.group(1) + " is reserved for the engine's own decisions");
        }
        if (rule.isQuery()) {
            refuse.accept("queries are not allowed");
        }
        if (!rule.getAttributes().isEmpty()) {
            refuse.accept("rule attributes (" + String.join(", ", rule.getAttributes().keySet())
                    + ") are not allowed: precedence comes from the outcomes, not from priorities");
        }
        if (!rule.getNamedConsequences().isEmpty()) {
            refuse.accept("named consequences are not allowed");
        }
        int fieldPatterns = checkConditions(rule.getLhs(), refuse);
        if (fieldPatterns > 1) {
            refuse.accept("a rule may look at only one requested field (field independence)");
        }
        RuleStage stage = fieldPatterns >= 1 ? RuleStage.FIELD : RuleStage.REQUEST;
        checkAction(String.valueOf(rule.getConsequence()), stage, refuse);
        found.forEach(problems);
        if (!found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CheckedRule(new RuleId(name.group(1)), name.group(3).strip(), line, stage,
                rule.getName()));
    }

    /** Checks the conditions; returns how many requested-field patterns the rule has. */
    private static int checkConditions(AndDescr lhs, Consumer<String> refuse) {
        int fieldPatterns = 0;
        for (BaseDescr element : lhs.getDescrs()) {
            if (element instanceof PatternDescr pattern) {
                fieldPatterns += checkPattern(pattern, refuse, true);
            } else if (element instanceof NotDescr || element instanceof ExistsDescr) {
                for (BaseDescr inner : ((org.drools.drl.ast.descr.ConditionalElementDescr) element).getDescrs()) {
                    if (inner instanceof PatternDescr pattern && checkPattern(pattern, refuse, false) == 0) {
                        continue;
                    }
                    refuse.accept("'not' and 'exists' may only test the request, never other fields");
                }
            } else {
                refuse.accept("only the vocabulary's conditions are allowed, not "
                        + element.getClass().getSimpleName().replace("Descr", "").toLowerCase());
            }
        }
        return fieldPatterns;
    }

    private static int checkPattern(PatternDescr pattern, Consumer<String> refuse, boolean mayBeField) {
        String type = pattern.getObjectType();
        if (pattern.getSource() != null) {
            refuse.accept("conditions may not read from other sources ('from', 'accumulate', 'collect')");
        }
        java.util.Set<String> properties;
        int fieldPatterns = 0;
        if (REQUEST_TYPE.equals(type)) {
            properties = RequestFact.PROPERTIES;
        } else if (FIELD_TYPE.equals(type) && mayBeField) {
            properties = FieldFact.PROPERTIES;
            fieldPatterns = 1;
            if (!FIELD_BINDING.equals("$" + stripDollar(pattern.getIdentifier()))) {
                refuse.accept("the requested field must be bound as $field");
            }
        } else {
            refuse.accept("conditions may only match the request and the requested field, not '" + type + "'");
            return 0;
        }
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (!(constraint instanceof ExprConstraintDescr expr)) {
                refuse.accept("unsupported condition: " + constraint);
                continue;
            }
            ConstraintCheck.check(expr.getExpression(), properties).ifPresent(refuse);
        }
        return fieldPatterns;
    }

    private static String stripDollar(String identifier) {
        return identifier == null ? "" : identifier.replaceFirst("^\\$", "");
    }

    private static void checkAction(String consequence, RuleStage stage, Consumer<String> refuse) {
        String action = consequence.strip();
        Pattern allowed = stage == RuleStage.FIELD ? FIELD_ACTION : REQUEST_ACTION;
        if (action.isEmpty()) {
            refuse.accept("a rule must decide: its action is missing");
        } else if (!allowed.matcher(action).matches()) {
            refuse.accept(stage == RuleStage.FIELD
                    ? "the action of a field rule must be one outcome for the field, 'citing' a provision and"
                    + " 'because' of a reason, and nothing else"
                    : "the action of a request rule must be to reject or escalate the request, 'citing' a"
                    + " provision and 'because' of a reason, and nothing else");
        }
    }
}
