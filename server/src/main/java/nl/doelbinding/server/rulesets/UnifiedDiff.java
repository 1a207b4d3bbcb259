package nl.doelbinding.server.rulesets;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts (the format of {@code diff -u} and {@code git diff}), with three lines of context.
 * Lines are matched by a longest common subsequence; ruleset files are small (hundreds of lines), so the
 * quadratic table is cheap.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    private enum Op { SAME, DELETE, INSERT }

    private record Edit(Op op, String line, int oldLine, int newLine) {
    }

    /** The diff from {@code before} (labelled {@code a/PATH}) to {@code after}; empty when the texts are equal. */
    public static String of(String path, String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        List<Edit> edits = edits(a, b);
        if (edits.stream().allMatch(e -> e.op() == Op.SAME)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(before.isEmpty() ? "/dev/null" : "a/" + path).append('\n');
        out.append("+++ ").append(after.isEmpty() ? "/dev/null" : "b/" + path).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).op() == Op.SAME) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            int lastChange = i;
            while (end < edits.size()) {
                if (edits.get(end).op() != Op.SAME) {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            hunk(edits.subList(start, end), out);
            i = end;
        }
        return out.toString();
    }

    private static void hunk(List<Edit> hunk, StringBuilder out) {
        int oldStart = 0;
        int newStart = 0;
        int oldCount = 0;
        int newCount = 0;
        for (Edit e : hunk) {
            if (e.op() != Op.INSERT) {
                oldStart = oldCount++ == 0 ? e.oldLine() : oldStart;
            }
            if (e.op() != Op.DELETE) {
                newStart = newCount++ == 0 ? e.newLine() : newStart;
            }
        }
        if (oldCount == 0) {
            oldStart = hunk.get(0).oldLine() - 1;
        }
        if (newCount == 0) {
            newStart = hunk.get(0).newLine() - 1;
        }
        out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount))
                .append(" @@\n");
        for (Edit e : hunk) {
            out.append(switch (e.op()) {
                case SAME -> ' ';
                case DELETE -> '-';
                case INSERT -> '+';
            }).append(e.line()).append('\n');
        }
    }

    private static String range(int start, int count) {
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    private static List<Edit> edits(String[] a, String[] b) {
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                edits.add(new Edit(Op.SAME, a[i], ++i, ++j));
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                edits.add(new Edit(Op.DELETE, a[i], ++i, j + 1));
            } else {
                edits.add(new Edit(Op.INSERT, b[j], i + 1, ++j));
            }
        }
        return edits;
    }

    private static String[] lines(String text) {
        if (text.isEmpty()) {
            return new String[0];
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return body.split("\n", -1);
    }
}
