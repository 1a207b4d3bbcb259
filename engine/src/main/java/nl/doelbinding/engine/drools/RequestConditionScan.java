package nl.doelbinding.engine.drools;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import nl.doelbinding.engine.catalogue.Policy;
import nl.doelbinding.engine.ruleset.RequestConditions;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Reads, from the checked conditions on the request, which subject counts, earlier-request counts, location
 * coverages and units the rules can tell apart ({@link RequestConditions}). Each number is split at every
 * boundary a comparison draws ({@code subjects > subjectThreshold} splits between the threshold and one above
 * it); a condition in another form splits around every number it names. A unit is only covered when compared for
 * (in)equality with literals.
 */
final class RequestConditionScan {
    private static final String UNIT = "unit";
    private static final Set<String> ORDERING = Set.of("<", ">", "<=", ">=");

    private final Counted subjects;
    private final Counted earlierRequests;
    private final Counted coverage;
    private final List<Counted> counted;
    private final SortedSet<String> units = new TreeSet<>();
    private final List<String> uncovered = new ArrayList<>();

    RequestConditionScan(Policy policy) {
        this.subjects = new Counted("subjects", "subjectThreshold", policy.subjectThreshold(), Integer.MAX_VALUE);
        this.earlierRequests = new Counted("earlierRequests", "requestThreshold", policy.requestThreshold(),
                Integer.MAX_VALUE);
        this.coverage = new Counted("locationCoverage", "coverageThreshold", policy.coverageThreshold(), 100);
        this.counted = List.of(subjects, earlierRequests, coverage);
        subjects.values.addAll(List.of(0, 1, policy.subjectThreshold() + 1));
        earlierRequests.values.add(0);
        coverage.values.add(0);
    }

    void scan(PackageDescr pkg) {
        for (RuleDescr rule : pkg.getRules()) {
            scan(rule.getName(), rule.getLhs());
        }
    }

    private void scan(String rule, BaseDescr element) {
        if (element instanceof PatternDescr pattern) {
            if (RuleSafetyCheck.REQUEST_TYPE.equals(pattern.getObjectType())) {
                for (BaseDescr constraint : pattern.getDescrs()) {
                    if (constraint instanceof ExprConstraintDescr expr) {
                        condition(rule, expr.getExpression());
                    }
                }
            }
        } else if (element instanceof ConditionalElementDescr group) {
            for (BaseDescr inner : group.getDescrs()) {
                scan(rule, inner);
            }
        }
    }

    RequestConditions result() {
        return new RequestConditions(subjects.values, units, uncovered, earlierRequests.values, coverage.values);
    }

    /** One constraint on the request, already admitted by {@link ConstraintCheck}. */
    void condition(String rule, String expression) {
        List<String> tokens = tokens(expression);
        for (Counted fact : counted) {
            if (tokens.contains(fact.property)) {
                fact.compared(tokens, counted);
            }
        }
        if (tokens.contains(UNIT)) {
            unit(rule, expression, tokens);
        }
    }

    /**
     * A whole-number request fact, its threshold's name and value, and the values with at least one from every
     * class the conditions tell apart.
     */
    private static final class Counted {
        final String property;
        final String thresholdName;
        final int threshold;
        final int max;
        final SortedSet<Integer> values = new TreeSet<>();

        Counted(String property, String thresholdName, int threshold, int max) {
            this.property = property;
            this.thresholdName = thresholdName;
            this.threshold = threshold;
            this.max = max;
        }

        void compared(List<String> tokens, List<Counted> all) {
            if (tokens.size() == 3 && property.equals(tokens.get(0)) && constant(tokens.get(2), all) != null) {
                split(tokens.get(1), constant(tokens.get(2), all));
            } else if (tokens.size() == 3 && property.equals(tokens.get(2)) && constant(tokens.get(0), all) != null) {
                split(flip(tokens.get(1)), constant(tokens.get(0), all));
            } else {
                for (String token : tokens) {
                    Integer c = constant(token, all);
                    if (c != null) {
                        split("==", c);
                    }
                }
            }
        }

        /** Adds the first value of every class that {@code property op c} separates. */
        private void split(String op, int c) {
            switch (op) {
                case ">", "<=" -> add(c + 1);
                case ">=", "<" -> add(c);
                default -> {
                    add(c);
                    add(c + 1);
                }
            }
        }

        private void add(int value) {
            if (value >= 0 && value <= max) {
                values.add(value);
            }
        }

        private static Integer constant(String token, List<Counted> all) {
            for (Counted fact : all) {
                if (fact.thresholdName.equals(token)) {
                    return fact.threshold;
                }
            }
            if (!token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
                try {
                    return Integer.valueOf(token);
                } catch (NumberFormatException e) {
                    return Integer.MAX_VALUE - 1; // beyond any request; keeps the split harmless
                }
            }
            return null;
        }
    }

    private static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case ">" -> "<";
            case "<=" -> ">=";
            case ">=" -> "<=";
            default -> op;
        };
    }

    private void unit(String rule, String expression, List<String> tokens) {
        boolean equalityOnly = tokens.stream().noneMatch(t -> ORDERING.contains(t)
                || (RequestFact.PROPERTIES.contains(t) && !UNIT.equals(t)));
        if (!equalityOnly) {
            uncovered.add("rule \"" + rule + "\" compares the requester's unit in '" + expression
                    + "'; only (in)equality with named units, alone in a condition, can be enumerated");
        }
        for (String token : tokens) {
            if (token.startsWith("\"")) {
                units.add(token.substring(1, token.length() - 1));
            }
        }
    }

    private static List<String> tokens(String expression) {
        List<String> tokens = new ArrayList<>();
        Matcher m = ConstraintCheck.TOKEN.matcher(expression);
        int position = 0;
        while (position < expression.length() && m.find(position) && m.start() == position) {
            tokens.add(m.group().strip());
            position = m.end();
        }
        return tokens;
    }
}
