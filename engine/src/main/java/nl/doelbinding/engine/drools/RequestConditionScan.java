package nl.doelbinding.engine.drools;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import nl.doelbinding.engine.ruleset.RequestConditions;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Reads, from the checked conditions on the request, which subject counts and units the rules can tell
 * apart ({@link RequestConditions}). The subject count is split at every boundary a comparison draws
 * ({@code subjects > subjectThreshold} splits between the threshold and one above it); a condition in
 * another form splits around every number it names. A unit is only covered when compared for
 * (in)equality with literals.
 */
final class RequestConditionScan {
    private static final String SUBJECTS = "subjects";
    private static final String THRESHOLD = "subjectThreshold";
    private static final String UNIT = "unit";
    private static final Set<String> ORDERING = Set.of("<", ">", "<=", ">=");

    private final int threshold;
    private final SortedSet<Integer> counts = new TreeSet<>();
    private final SortedSet<String> units = new TreeSet<>();
    private final List<String> uncovered = new ArrayList<>();

    RequestConditionScan(int threshold) {
        this.threshold = threshold;
        counts.addAll(List.of(0, 1, threshold + 1));
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
        return new RequestConditions(counts, units, uncovered);
    }

    /** One constraint on the request, already admitted by {@link ConstraintCheck}. */
    void condition(String rule, String expression) {
        List<String> tokens = tokens(expression);
        if (tokens.contains(SUBJECTS)) {
            subjects(tokens);
        }
        if (tokens.contains(UNIT)) {
            unit(rule, expression, tokens);
        }
    }

    private void subjects(List<String> tokens) {
        if (tokens.size() == 3 && SUBJECTS.equals(tokens.get(0)) && constant(tokens.get(2)) != null) {
            split(tokens.get(1), constant(tokens.get(2)));
        } else if (tokens.size() == 3 && SUBJECTS.equals(tokens.get(2)) && constant(tokens.get(0)) != null) {
            split(flip(tokens.get(1)), constant(tokens.get(0)));
        } else {
            for (String token : tokens) {
                Integer c = constant(token);
                if (c != null) {
                    split("==", c);
                }
            }
        }
    }

    /** Adds the first count of every class that {@code subjects op c} separates. */
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

    private void add(int count) {
        if (count >= 0) {
            counts.add(count);
        }
    }

    private Integer constant(String token) {
        if (THRESHOLD.equals(token)) {
            return threshold;
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
