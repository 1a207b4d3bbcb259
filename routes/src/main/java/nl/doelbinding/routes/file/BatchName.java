package nl.doelbinding.routes.file;

/** The name of a batch: its file name without {@code .json}; the decisions and error files are named after it. */
final class BatchName {
    private BatchName() {
    }

    static String of(String fileName) {
        return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                ? fileName.substring(0, fileName.length() - ".json".length()) : fileName;
    }
}
