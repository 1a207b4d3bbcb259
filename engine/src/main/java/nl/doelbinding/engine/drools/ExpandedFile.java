package nl.doelbinding.engine.drools;

/**
 * A DSLR file expanded to DRL, with the map from expanded lines back to the author's lines.
 *
 * @param path    the file's path in the ruleset
 * @param drl     the expanded DRL, without header
 * @param lineMap {@code lineMap[i]} is the author's 1-based line for expanded line {@code i + 1}
 */
record ExpandedFile(String path, String drl, int[] lineMap) {

    /** The author's line for a 1-based line of the expanded DRL. */
    int authorLine(int expandedLine) {
        if (expandedLine < 1 || lineMap.length == 0) {
            return 0;
        }
        return lineMap[Math.min(expandedLine, lineMap.length) - 1];
    }
}
