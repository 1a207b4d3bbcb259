package nl.doelbinding.server.it;

/** Closing what a test class started, in the order given, skipping what never started. */
final class Resources {
    private Resources() {
    }

    static void closeAll(AutoCloseable... resources) throws Exception {
        for (AutoCloseable resource : resources) {
            if (resource != null) {
                resource.close();
            }
        }
    }
}
